"""Everything the reframing engine knows: words, phrases and suggestion templates.

This file is plain data. A mediator who hears a new way of blaming at the table can add it
here without touching the logic in ``reframe.py``. Everything is lower case; matching ignores
case, curly quotes and a missing apostrophe in contractions ("didnt", "youre").

How a pattern is written
------------------------
A pattern is words separated by spaces. Each space-separated piece is one *slot*:

    word          the word itself (a hyphen also matches a space or nothing: "bad-mouth")
    a/b/c         any one of these
    a_b/c         "_" joins words inside one alternative: "has_been/was" = "has been" or "was"
    ~verb         the verb in any form: ~refuse = refuse, refuses, refused, refusing
    (slot)        optional: "(even) bother", "(~be) on"
    {class}       any entry of a word class from CLASSES below: "{child}", "{possessive}"
    *             any one word
    ...           up to four words of anything (within the clause)
    !a/b          not followed by these words: "~lie !down" leaves "lie down" alone

The first slot cannot be "*", "..." or "!...". Irregular verb forms are in IRREGULAR_VERBS.
Mind the spaces: "on the parents/the_family" is three slots ("on", "the", then "parents" or
"the family"); write "on the_parents/the_family" for "on the parents" or "on the family".
After an edit, run the tests: tests/test_reframe.py measures the development set and prints the
holdout batches (tests/reframe_holdout*.tsv; add general rules, not fixes for single lines).

What the signals mean is described in REFRAMING.md (beside DESIGN.md) and at each list below.
In short: an accusation needs a *target* (you, the district, Mom, "they", a hidden agent) and a
*charge* (a failure, a bad motive, a trait), or one strong signal on its own (sarcasm, a
threat, a character attack, an accusing question).
"""

from __future__ import annotations

# The lists below are laid out by hand for reading; keep the formatter away from them.
# fmt: off

# ---------------------------------------------------------------------------------------------
# Verb forms the automatic inflection (add s / ed / ing) would get wrong.
# base: (third person, past, past participle, -ing)
# ---------------------------------------------------------------------------------------------
IRREGULAR_VERBS: dict[str, tuple[str, str, str, str]] = {
    "be": ("is", "was/were", "been", "being"),
    "bury": ("buries", "buried", "buried", "burying"),
    "blow": ("blows", "blew", "blown", "blowing"),
    "bully": ("bullies", "bullied", "bullied", "bullying"),
    "brush": ("brushes", "brushed", "brushed", "brushing"),
    "come": ("comes", "came", "come", "coming"),
    "cut": ("cuts", "cut", "cut", "cutting"),
    "deny": ("denies", "denied", "denied", "denying"),
    "do": ("does", "did", "done", "doing"),
    "drag": ("drags", "dragged", "dragged", "dragging"),
    "drop": ("drops", "dropped", "dropped", "dropping"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "feed": ("feeds", "fed", "fed", "feeding"),
    "fill": ("fills", "filled", "filled", "filling"),
    "forget": ("forgets", "forgot", "forgotten", "forgetting"),
    "get": ("gets", "got", "gotten/got", "getting"),
    "give": ("gives", "gave", "given", "giving"),
    "go": ("goes", "went", "gone", "going"),
    "have": ("has", "had", "had", "having"),
    "hear": ("hears", "heard", "heard", "hearing"),
    "hide": ("hides", "hid", "hidden", "hiding"),
    "jerk": ("jerks", "jerked", "jerked", "jerking"),
    "keep": ("keeps", "kept", "kept", "keeping"),
    "leave": ("leaves", "left", "left", "leaving"),
    "let": ("lets", "let", "let", "letting"),
    "lie": ("lies", "lied", "lied", "lying"),
    "lose": ("loses", "lost", "lost", "losing"),
    "make": ("makes", "made", "made", "making"),
    "mislead": ("misleads", "misled", "misled", "misleading"),
    "misplace": ("misplaces", "misplaced", "misplaced", "misplacing"),
    "pay": ("pays", "paid", "paid", "paying"),
    "put": ("puts", "put", "put", "putting"),
    "read": ("reads", "read", "read", "reading"),
    "rid": ("rids", "rid", "rid", "ridding"),
    "run": ("runs", "ran", "run", "running"),
    "say": ("says", "said", "said", "saying"),
    "screw": ("screws", "screwed", "screwed", "screwing"),
    "send": ("sends", "sent", "sent", "sending"),
    "set": ("sets", "set", "set", "setting"),
    "shut": ("shuts", "shut", "shut", "shutting"),
    "skip": ("skips", "skipped", "skipped", "skipping"),
    "slip": ("slips", "slipped", "slipped", "slipping"),
    "snap": ("snaps", "snapped", "snapped", "snapping"),
    "spend": ("spends", "spent", "spent", "spending"),
    "stop": ("stops", "stopped", "stopped", "stopping"),
    "steal": ("steals", "stole", "stolen", "stealing"),
    "stir": ("stirs", "stirred", "stirred", "stirring"),
    "string": ("strings", "strung", "strung", "stringing"),
    "sweep": ("sweeps", "swept", "swept", "sweeping"),
    "take": ("takes", "took", "taken", "taking"),
    "teach": ("teaches", "taught", "taught", "teaching"),
    "tell": ("tells", "told", "told", "telling"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "throw": ("throws", "threw", "thrown", "throwing"),
    "trash": ("trashes", "trashed", "trashed", "trashing"),
    "try": ("tries", "tried", "tried", "trying"),
    "turn": ("turns", "turned", "turned", "turning"),
    "wait": ("waits", "waited", "waited", "waiting"),
    "write": ("writes", "wrote", "written", "writing"),
    "withhold": ("withholds", "withheld", "withheld", "withholding"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "commit": ("commits", "committed", "committed", "committing"),
    "omit": ("omits", "omitted", "omitted", "omitting"),
    "shred": ("shreds", "shredded", "shredded", "shredding"),
    "rob": ("robs", "robbed", "robbed", "robbing"),
    "plan": ("plans", "planned", "planned", "planning"),
    "ship": ("ships", "shipped", "shipped", "shipping"),
    "bad-mouth": ("bad-mouths", "bad-mouthed", "bad-mouthed", "bad-mouthing"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "mean": ("means", "meant", "meant", "meaning"),
    "meet": ("meets", "met", "met", "meeting"),
    "know": ("knows", "knew", "known", "knowing"),
    "lead": ("leads", "led", "led", "leading"),
    "deal": ("deals", "dealt", "dealt", "dealing"),
    "hold": ("holds", "held", "held", "holding"),
    "bring": ("brings", "brought", "brought", "bringing"),
    "buy": ("buys", "bought", "bought", "buying"),
    "catch": ("catches", "caught", "caught", "catching"),
    "fight": ("fights", "fought", "fought", "fighting"),
    "find": ("finds", "found", "found", "finding"),
    "sell": ("sells", "sold", "sold", "selling"),
    "sit": ("sits", "sat", "sat", "sitting"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "stand": ("stands", "stood", "stood", "standing"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "win": ("wins", "won", "won", "winning"),
    "begin": ("begins", "began", "begun", "beginning"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "choose": ("chooses", "chose", "chosen", "choosing"),
    "quit": ("quits", "quit", "quit", "quitting"),
    "hit": ("hits", "hit", "hit", "hitting"),
    "shop": ("shops", "shopped", "shopped", "shopping"),
    "gaslight": ("gaslights", "gaslit/gaslighted", "gaslit/gaslighted", "gaslighting"),
    "drive": ("drives", "drove", "driven", "driving"),
    "forgive": ("forgives", "forgave", "forgiven", "forgiving"),
    "show": ("shows", "showed", "shown/showed", "showing"),
    "stick": ("sticks", "stuck", "stuck", "sticking"),
    "regret": ("regrets", "regretted", "regretted", "regretting"),
    "occur": ("occurs", "occurred", "occurred", "occurring"),
    "refer": ("refers", "referred", "referred", "referring"),
    "permit": ("permits", "permitted", "permitted", "permitting"),
    "submit": ("submits", "submitted", "submitted", "submitting"),
    "pass": ("passes", "passed", "passed", "passing"),
    "chat": ("chats", "chatted", "chatted", "chatting"),
    "rub": ("rubs", "rubbed", "rubbed", "rubbing"),
    "hang": ("hangs", "hung", "hung", "hanging"),
    "cancel": ("cancels", "cancelled/canceled", "cancelled/canceled", "cancelling/canceling"),
    "grandstand": ("grandstands", "grandstanded", "grandstanded", "grandstanding"),
    "flip-flop": ("flip-flops", "flip-flopped", "flip-flopped", "flip-flopping"),
}

# ---------------------------------------------------------------------------------------------
# Word classes, used as {name} inside patterns. Entries may have several words.
# ---------------------------------------------------------------------------------------------
CLASSES: dict[str, list[str]] = {
    # The child, as the adults at the table refer to him or her.
    "child": [
        "him", "her", "them", "my son", "our son", "my daughter", "our daughter", "my child",
        "our child", "my kid", "our kid", "my kids", "our kids", "the student", "the child",
        "the kids", "the kid", "kids", "students", "children", "my boy", "my girl", "this child",
        "this kid", "this student", "a kid", "a child",
    ],
    # The speaker's side, as an object.
    "us": ["us", "me", "our family", "my family", "him", "her", "them", "my son", "my daughter",
           "our son", "our daughter", "the family", "the parents", "my client", "my clients"],
    "possessive": ["your", "their", "its", "his", "her", "our", "my"],
    # Forms of "to be" and "to get" that build a passive ("was ignored", "got dumped").
    "be": ["was", "were", "been", "being", "is", "are", "am", "get", "gets", "got", "gotten",
           "getting", "keep getting", "keeps getting", "is being", "are being", "was being",
           "were being"],
    # Adverbs allowed between "was" and a participle ("was completely ignored").
    "adverb": ["just", "completely", "totally", "simply", "basically", "repeatedly",
               "conveniently", "deliberately", "always", "constantly", "routinely", "also", "all",
               "again", "flat out", "entirely", "pretty much", "essentially", "clearly",
               "systematically", "intentionally", "purposely", "quietly", "then", "still"],
    # Participles that carry a charge when the agent is hidden ("the report was buried").
    "charge_participle": [
        "ignored", "buried", "dumped", "stonewalled", "lied to", "misled", "shortchanged",
        "brushed off", "blown off", "blew off", "pushed aside", "brushed aside", "pushed out",
        "passed over", "overlooked", "neglected", "forgotten", "abandoned", "left out", "shut out",
        "written off", "railroaded", "ambushed", "blindsided", "steamrolled", "bulldozed",
        "jerked around", "strung along", "kept in the dark", "left in the dark",
        "swept under the rug", "swept under the carpet", "hidden", "withheld", "concealed",
        "falsified", "fabricated", "botched", "mishandled", "humiliated", "belittled", "mocked",
        "tricked", "deceived", "cheated", "sabotaged", "undermined", "given the runaround",
        "run around", "talked down to", "ghosted", "shredded", "scapegoated", "thrown under the bus",
        "silenced", "stonewalled", "treated like", "railroaded", "shoved", "dropped",
        "copied from", "copied and pasted", "cut and pasted", "copy-pasted", "recycled",
        "rubber-stamped", "thrown together", "slapped together", "disregarded", "waved off",
        "shot down", "talked over", "recycled from", "lifted from", "copied over from", "rushed",
        "copied word for word",
    ],
    # Things someone was supposed to do, as participles ("services were never delivered").
    "duty_participle": [
        "delivered", "provided", "implemented", "followed", "sent", "given", "told",
        "informed", "notified", "consulted", "included", "invited", "returned", "answered",
        "served", "honored", "honoured", "addressed", "made up", "heard", "offered", "fixed",
        "followed up", "followed up on", "responded to", "read", "reviewed", "considered",
        "documented", "tracked", "explained", "supervised", "trained", "protected", "called",
        "contacted", "updated", "shared", "evaluated", "tested", "done", "completed",
        "scheduled", "signed", "taken seriously", "listened to", "asked", "given a chance",
        "issued", "convened",
    ],
}

# ---------------------------------------------------------------------------------------------
# Who is speaking about whom. The nearest of these before a charge says who is charged.
# ---------------------------------------------------------------------------------------------

# Second person: the listener (or the listener's side).
TARGET_YOU = [
    "you", "u", "ya", "y'all", "yall", "you guys", "you all", "you people", "youse",
    "you're", "you've", "you'd", "you'll", "ur", "your", "yourself", "yourselves",
    "your team", "your staff", "your office", "your department", "your district",
    "your school", "your evaluator", "your advocate", "your attorney", "your lawyer",
    "your client", "your clients", "your side", "your people", "your therapist", "your aide",
    "your teacher", "your teachers", "your case manager", "your psychologist",
]

# Third parties: anyone at the table or behind it who is not the speaker.
TARGET_THIRD = [
    "they", "they're", "they've", "they'd", "they'll", "their", "theirs",
    "somebody", "someone", "anybody", "anyone", "nobody", "no one", "no-one", "everyone",
    "everybody", "none of you", "none of them", "not one of you", "not one of them",
    "people", "these people", "those people", "the powers that be", "not one person",
    "not a single person", "not a soul", "no person", "not anyone", "not one single person",
    # school side
    "district", "districts", "school district", "administration", "administrator",
    "administrators", "admin", "staff", "staffer", "faculty", "teacher", "teachers",
    "case manager", "case managers", "principal", "assistant principal", "vice principal", "ap",
    "director", "sped director", "special ed director", "superintendent", "coordinator",
    "therapist", "therapists", "speech therapist", "slp", "ot", "pt", "aide", "aides", "para",
    "paras", "paraprofessional", "psychologist", "school psychologist", "evaluator",
    "evaluators", "counselor", "social worker", "nurse", "bus driver", "driver",
    "specialist", "specialists", "interventionist", "provider", "providers", "sped",
    "special ed", "district counsel", "counsel", "lawyer", "lawyers", "attorney", "attorneys",
    "the school", "the team", "the office", "the department", "the board", "the building",
    "this school", "this team", "this office", "this department", "this building", "school",
    "team", "office", "department", "board", "building",
    "that school", "that team", "the iep team", "school board", "central office",
    # family side
    "parents", "the parent", "family", "mom", "mommy", "dad", "daddy", "mother", "father",
    "guardian", "grandma", "grandmother", "grandpa", "grandfather", "stepmom", "stepdad",
    "advocate", "advocates",
]

# The speaker. A charge after "I" or "we" is self-report or self-blame, not an accusation.
SELF = [
    "i", "i'm", "i've", "i'd", "i'll", "im", "ive", "we", "we're", "we've", "we'd", "we'll",
    "none of us", "all of us", "we all", "each of us", "myself", "ourselves",
]

# Neither side: the student, other children, things. A charge after these blames no one here.
NEUTRAL = [
    "it", "this", "that", "he", "she", "he's", "she's", "he'd", "she'd", "he'll", "she'll",
    "kids", "the kids", "other kids", "students", "other students", "classmates", "peers",
    "children", "the bus", "the student",
]

# "he" / "she" blame a third party when the sentence also names the child as someone else:
# "She dumped him in the resource room" (she = a teacher), "He yelled at my daughter".
HE_SHE = ["he", "she", "he's", "she's"]
CHILD_OTHER_THAN = {
    "he": ["her", "my daughter", "our daughter", "my son", "our son", "my child", "our child",
           "my kid", "our kid", "his son", "his daughter", "his child", "his kid", "his kids"],
    "she": ["him", "his", "my son", "our son", "my daughter", "our daughter", "my child",
            "our child", "my kid", "our kid", "her son", "her daughter", "her child", "her kid",
            "her kids"],
}
# Acts only an adult at the table does: "she" / "he" doing them is a teacher, an aide, a parent
# ("She rolled her eyes at me", "He sat on his phone the whole meeting"), not the child.
ADULT_ACTS = [
    "the whole meeting", "the entire meeting", "during the meeting", "in the meeting",
    "late to/for meetings/the_meeting/every_meeting/our_meetings/iep_meetings",
    "at the meeting", "all through the meeting", "~roll {possessive} eyes at me/us",
    "into my room/classroom/office", "in my room/classroom", "during instruction", "the front office",
    "the front desk", "in the notes", "in her notes", "in his notes", "in the logs", "in the hallway",
    "~hang up on me/us", "~talk down to me/us", "~laugh at me/us", "~mark {child} absent/tardy/present",
    "~write {child} up", "~send {child} to the office/home", "~tell the class/the_whole_class/other_parents/the_other_parents/the_other_kids",
    "~cancel the/our meeting/meetings/sessions", "~sign off on", "in the iep", "in the report",
    "in her room", "in his room", "in her classroom", "in his classroom", "my aides", "my staff",
    "~email/~text me/us", "~call me/us back", "~restrain {child}", "~seclude {child}",
]

# Duties only adults have at this table: after "I emailed the case manager and she ...", the
# "she" is the case manager, not the child.
ADULT_DUTIES = [
    "~respond", "~reply", "~call back", "~call us/me back", "~return", "~answer", "~get back to",
    "~tell", "~inform", "~notify", "~let us/me know", "~reach out", "~explain", "~apologize",
    "~apologise", "~acknowledge", "~say a word", "~pick up the phone", "~get back",
]

# "our team", "my staff": the speaker's own side, not a target.
OWN_SIDE = ["team", "staff", "district", "school", "office", "department", "side", "building",
            "teachers", "people", "family", "board"]

# Nouns that only name a party when they come with "the/your/this/..." ("the school refused",
# but "he hates school and refuses").
NEEDS_DETERMINER = ["school", "team", "office", "department", "board", "building", "family",
                    "people", "district", "staff", "parents"]

# ---------------------------------------------------------------------------------------------
# Negation.
# ---------------------------------------------------------------------------------------------

# Turn a duty into a failure ("didn't call") and cancel a charge ("didn't refuse").
NEGATORS = [
    "didn't", "did not", "won't", "will not", "wouldn't", "would not", "haven't", "have not",
    "hasn't", "has not", "hadn't", "had not", "isn't", "aren't", "wasn't", "weren't", "not",
    "never", "no longer", "can't even", "cannot even", "couldn't even", "could not even",
    "barely", "hardly", "hardly ever", "rarely", "seldom", "never once", "not once",
    "not even", "not one time", "don't ever", "doesn't ever",
    "has yet to", "have yet to", "had yet to", "is yet to", "are yet to",
]
# Verbs that announce a failure to do a duty: "refused to sign", "forgot to send".
FAILURE_VERBS = [
    "~refuse to", "~fail to", "~forget to", "~neglect to", "can't even", "cannot even",
    "failure/failures to", "refusal to",
    "couldn't even", "could not even", "~decline to", "~omit to", "~choose not to",
    "~decide not to", "~forget to even",
]
# Present-tense negation: a failure only with the person-to-person duties in DUTIES_PERSONAL
# ("you don't listen"), not with policy ("the district doesn't provide summer transport").
NEGATORS_PRESENT = ["don't", "doesn't", "do not", "does not", "dont", "doesnt"]
# A subject that is itself a negation: "nobody called", "none of you read his file".
NEGATORS_SUBJECT = ["nobody", "no one", "no-one", "none of you", "none of them", "not one of them",
                    "not a single one of them", "not a single one of you", "not one of those",
                    "not one of the", "not a single one",
                    "not one of you", "not one person", "not a single person", "not a soul",
                    "not anyone", "no person"]
# Negation that opens a clause and reaches its verb: "Not once has anyone followed up."
NEGATORS_INVERTED = ["not once", "never once", "at no point", "not one time", "not a single time"]
# "stopped answering", "quit returning calls": a failure with a duty, but not a cancellation.
NEGATORS_STOP = ["~stop", "~quit", "~cease"]

# Words allowed between a negation and its verb: "didn't even bother to read".
NEGATION_GAP_WORDS = [
    "even", "really", "actually", "ever", "just", "once", "always", "yet", "so", "much",
    "as", "properly", "fully", "consistently", "regularly", "bother", "bothered", "to",
    "seem", "care", "take", "the", "time", "get", "around", "manage", "try", "at", "all",
    "once", "back", "again", "seriously", "honestly", "truly", "bothering", "seem", "seems",
    "seemed", "being", "be", "been", "ever", "all", "one", "bother", "anymore", "any", "more",
    "intend", "intends", "intended", "plan", "planned", "plans", "mean", "meant", "want", "wanted",
]

# Hedges that take back a whole clause: "I'm not saying anyone failed", "no one is blaming".
META_NEGATION = [
    "not saying", "not suggesting", "not accusing", "not blaming", "not trying to blame",
    "not here to blame", "not here to assign blame", "not to say", "no one is saying",
    "nobody is saying", "no one is blaming", "nobody is blaming", "no one is accusing",
    "nobody is accusing", "no one is suggesting", "nobody is suggesting", "no one thinks",
    "nobody thinks", "i don't think", "i do not think", "i don't believe", "i do not believe",
    "i doubt", "it's not that", "it is not that", "this isn't about", "this is not about",
    "it's not about", "not claiming", "doesn't mean", "does not mean", "rather than",
    "instead of", "without blaming", "not assuming", "i'm sure no one", "i'm sure nobody",
    "i know no one", "i know nobody", "i don't blame", "i do not blame", "not because",
    "let's not assign", "no need to blame", "not pointing fingers", "i don't feel like",
    "i worry", "i'm worried", "i am worried", "i'm afraid", "i am afraid", "i fear",
    "i wonder if", "i wonder whether", "i'm scared", "i am scared", "i hope", "i'm concerned",
    "i am concerned", "my worry is", "my fear is", "i'm nervous", "we worry", "we're worried",
    "we're afraid",
    # owning it: "We acknowledge the services were not delivered"
    "we acknowledge", "i acknowledge", "we recognize", "i recognize", "we admit", "i admit",
    "we concede", "i concede", "we take responsibility", "i take responsibility", "we own that",
    "to be fair", "in fairness", "we accept that", "i accept that",
    # not alleging: "the parents are not alleging bad faith"
    "not alleging", "not asserting", "not arguing", "not contending", "not questioning",
    "no one is alleging", "nobody is alleging", "not an accusation",
    # asking for something: "We would ask that the district provide..."
    "ask that", "asking that", "request that", "requesting that", "propose that",
    "proposing that", "recommend that", "suggest that", "suggesting that",
    "i don't mean", "i never said", "i didn't say", "i did not say", "i never meant",
    "never claimed", "i'm not claiming", "not what i said", "not what i meant", "i'm not implying",
    "not implying", "no one here", "nobody here is", "not anyone's fault", "nobody's fault",
    "no one's fault", "not your fault", "not their fault", "isn't your fault", "is not your fault",
]

# Someone else's feeling or report: "Mom feels like the school blames her" is a report, not a
# charge by the speaker. Scope: to the next comma or "and".
REPORTING = [
    "{reporter} ~feel/~think/~believe/~worry/~say/~mention/~report/~share/~explain/~complain",
    "{reporter} ~feel like/that",
    "{reporter} ~tell me/us/you",
    "{reporter} is/was/are/were worried/afraid/concerned/scared/upset",
    "according to {reporter}",
]
CLASSES["reporter"] = [
    "he", "she", "they", "mom", "dad", "his mom", "her mom", "his mother", "her mother",
    "his dad", "her dad", "the parents", "the family", "the teacher", "his teacher",
    "her teacher", "the aide", "the advocate", "the principal", "the case manager", "the kids",
    "other parents", "the other parents", "my wife", "my husband", "my partner", "his sister",
    "his brother", "her sister", "her brother", "the therapist", "the counselor", "the ot",
    "the slp", "the psychologist", "the nurse", "the doctor", "his doctor", "her doctor",
]

# After these, a charge was suffered from other children, not from anyone at the table.
PEER_AGENTS = [
    "of the birthday party", "of the party", "of parties", "of birthday parties", "of the game",
    "of games", "of the sleepover", "of playdates", "at the lunch table", "from the game",
    "by other kids", "by the other kids", "by kids", "by his classmates", "by her classmates",
    "by classmates", "by peers", "by his peers", "by her peers", "by other students",
    "by the other students", "by students", "by his group", "by her group", "by the group",
    "by the other children", "by other children", "by some kids", "by some of the kids",
    "by a few kids", "by the boys", "by the girls", "by his friends", "by her friends",
    # or by someone outside the table
    "at the state level", "by the state", "by the legislature", "by the county", "by the city",
    "by the federal government", "by the feds", "by the bus company", "by the contractor",
    "by the hospital", "by his doctor", "by her doctor", "by the doctor", "by insurance",
    "by the insurance company", "by the court", "by the hearing officer", "by the judge",
    "by the agency", "by the union",
]

# A conditional before the target: "if you lose the form, call me" blames no one.
CONDITIONALS = ["if", "unless", "whether", "in case", "suppose", "supposing", "when and if"]

# A contrast: the part after it carries the point ("The old case manager missed sessions, but
# the new one has been great" is not an accusation).
CONTRASTS = ["but", "however", "that said", "having said that", "even so", "still,"]
# ... but only when the part after it turns warm, hopeful or forward-looking. "They won't answer
# the phone, but they email the superintendent every week" keeps its blame.
CONCILIATORY = [
    "great", "good", "better", "best", "fine", "well", "working", "worth", "helpful", "helped",
    "helps", "improving", "improved", "glad", "happy", "grateful", "appreciate", "thank",
    "thanks", "rather", "prefer", "agree", "understand", "understood", "hope", "hoping",
    "hopeful", "work this out", "work it out", "work together", "settle", "resolve",
    "move forward", "moving forward", "going forward", "focus", "not on the table", "fair",
    "fixed", "resolved", "sorted", "on track", "i think", "we think", "i know", "we know",
    "okay", "ok", "no problem", "trust", "kind", "patient", "wonderful", "amazing", "love",
    "loves", "proud", "relieved", "responsive", "turned around", "now", "want to", "would like",
    "i'd like", "we'd like", "let's", "willing", "open to", "sure",
]
NOT_CONTRASTS = ["nothing but", "all but", "anything but", "but also", "not only"]

# ---------------------------------------------------------------------------------------------
# Charges.
# ---------------------------------------------------------------------------------------------

# Loaded verbs: an accusation when someone at the table is their subject ("your team buried
# the report"); cancelled by negation ("no one ignored him"). Each line is one family.
LOADED_VERBS = [
    "~refuse", "refusal",
    "~ignore", "~stonewall", "~lie !down/in", "~lie to", "~lie about",
    "~dump", "~bury", "~blow off", "~blow us/me/him/her/it/them off", "~brush off",
    "~brush us/me/him/her/it/them off", "~brush aside", "~push aside",
    "~drop the ball", "~fail !grade/grades/class/classes/test/tests/quiz",
    "~neglect", "~forget !it/about_it", "~lose !his_temper/her_temper/my_temper/your_temper/their_temper/weight/sleep/time/track/interest/touch/count/focus/ground/his_way/her_way/it",
    "~misplace", "~hide", "~cover up", "~cover it/this/that up", "~sweep ... under the rug/carpet",
    "~drag {possessive} feet", "~stall", "~slow-walk", "~run out the clock",
    "~mislead", "~misrepresent", "~falsify", "~fabricate", "~doctor the/his/her data/records/logs",
    "~make up the/his/her data/numbers/notes/logs/scores/stories/minutes/records",
    "~make it/things/stuff/that/this up", "~twist", "~cherry-pick", "~sabotage",
    "~undermine", "~botch", "~screw up", "~screw it/this/that/us/him/her/things up",
    "~screw us/him/her/them over", "~mess up", "~mess it/this/that/things up", "~waste",
    "~abandon", "~give up on", "~write {child} off", "~write off", "~humiliate", "~bully",
    "~harass", "~intimidate", "~belittle", "~mock", "~ridicule", "~patronize",
    "~yell at", "~scream at", "~shout at", "~snap at", "~blame", "~exaggerate",
    "~coach {child}", "~bad-mouth", "~trash-talk", "~trash", "~manipulate", "~shortchange",
    "~pass the buck", "~throw ... under the bus", "~pretend", "~disappear", "~vanish",
    "~ghost", "~blindside", "~ambush", "~railroad", "~steamroll", "~bulldoze",
    "~jerk {us} around", "~jerk around", "~string {us} along", "~rush through",
    "~rush {possessive}/the", "~skip !a_grade/grades", "~cut !short/back/off/in/out/it_close",
    "~drop !off/by/in/out/to/from/him_off/her_off/it_off", "~delay", "~withhold", "~conceal",
    "~shred", "~destroy", "~dismiss !class/early/at", "~talk down to", "~talk over",
    "~interrupt", "~kick {child} out", "~push {child} out", "~punish", "~pressure",
    "~threaten", "~trick", "~deceive", "~cheat", "~steal",
    "~deny {child}", "~go behind {possessive} back/backs", "~go over {possessive} head/heads",
    "~break {possessive} promise/promises/word", "~go back on", "~rubber-stamp",
    "~copy and ~paste", "~copy-paste", "~cut and ~paste", "~miss ... session/sessions/meeting/meetings/minutes/deadline/deadlines/timeline/appointment/appointments/services/therapy/visits/observation/calls",
    "~keep {child} home/out", "~fill {possessive} head", "~stir things/it/trouble/the_pot up",
    "~stir the pot", "~stir up trouble/drama", "~feed ... bad/false/wrong/misleading information/info/ideas/stories",
    "~put words in {possessive} mouth", "~point fingers", "~point the finger",
    "~make excuses", "~keep {us} in the dark", "~leave {us} in the dark",
    "~leave {child} alone/sitting/unsupervised/behind/stranded/hanging/out/there/in/at",
    "~let this/that/it happen", "~let {us} down", "~let {child} fall/slip/sit/fail/wander/suffer/go_without",
    "~treat {child} like", "~treat {us} like", "~laugh at", "~roll {possessive} eyes",
    "~shut {us} out", "~shut {us} down", "~cut {us} off", "~leave {us} out",
    "~cuss {us} out", "~chew {us} out", "~curse at", "~swear at", "~tell {us} off",
    "~text/~scroll ... the whole time/all_day/the_entire", "texting the whole time", "texting while",
    "~disregard", "~wave off", "~wave {us} off", "~shoot down", "~posture",
    "~make it impossible/impossible_for", "~make {possessive} job/jobs impossible",
    "~put {possessive} hands on", "~lay hands on", "~grab/~shove/~yank/~slap/~hit/~pin/~manhandle {child}",
    "~drag {child} down/out/across/through/to/into", "noncompliance", "non-compliance",
    "~exclude", "~isolate", "~hang up on", "~take it out on", "~pass {child} along/on/around",
    "~throw together", "~grandstand", "~flip-flop", "~keep changing/shifting/switching/moving/adding",
    "~act like nothing happened", "~act like they/you/y'all never/didn't/did_not/don't",
    "~cancel ... session/sessions/meeting/meetings/services/therapy/speech/appointments/observation/evaluation/iep",
    "~spend ... on {possessive} phone/phones/laptop/computer",
    "~sit/~be/~stay (there/here/right_there/back) on {possessive} phone/phones/laptop",
    "~obstruct", "~block", "~thwart", "~derail", "~drag this/it/things/the_process out",
    "~feed ... misinformation/lies", "~spread misinformation/lies/rumors", "misinformation",
    "~predetermine", "~make up {possessive} minds before", "~decide ... before we/i/the_parents/my_client (ever/even/had/could) walked/got/arrived/sat/came/met/spoke/said/saw/had/were",
    "~violate", "out of compliance", "in violation of", "~break the law", "~retaliate",
    "retaliation", "~discriminate", "~warehouse {child}", "~babysit", "~single {child} out",
    "~mishandle", "~bail on", "~back out", "~renege", "~walk out on", "~badger",
    "~turn ... into a/an fight/battle/war/circus/courtroom/trial/show/shouting_match/zoo/three-ring_circus/ambush",
    "~stop/~pull/~end/~remove/~yank/~drop {possessive}/the services/speech/therapy/aide/ot/pt/minutes/recess/support/supports/sessions/counseling/accommodations",
    "~take away {possessive}/the recess/aide/services/support/breaks/accommodations", "~stonewall", "~scapegoat", "~gaslight", "~blackmail",
    "~accuse", "~spy on", "~invent", "~phone it in",
    # sitting on things, waiting people out
    "~sit on it/them/that/this/{possessive}/the/those/these/our/my !floor/ground/couch/chair/chairs/bench/rug/carpet/mat/committee/board/panel/bus/swing/toilet/lap/edge/steps/stairs/sidelines",
    "~wait {us} out", "~wait it out until", "~drag ... feet",
    # dodging the question
    "~change the subject", "~dodge", "~deflect", "~sidestep", "~evade",
    "~duck/~avoid the/my/our/every question/questions", "~talk around", "~gloss over",
    # saying what is not so
    "~contradict", "~mischaracterize", "~misstate", "~distort", "~spin", "~whitewash",
    "~backdate", "~rewrite history", "~inflate the/his/her/their data/scores/progress/grades/numbers",
    "~pad the/his/her data/numbers/logs", "and ~call it/that/this", "~change {possessive} story/stories/tune",
    "~coach ... on/about what to", "~coach ... what to say/tell/write",
    "~twist what", "~twist everything", "~twist every",
    # brushing things off
    "~shoot it/them/that/this/everything/us/every_idea/every_suggestion/every_proposal/it_all down",
    "~shrug it/this/that/them off", "~shrug off", "~laugh it/this/that off", "~laugh off",
    "~laugh/~smirk/~scoff/~snicker/~scoff when/while/as/after i/we/my",
    "~talk to {child}/{us} like", "~speak to {child}/{us} like",
    "~change {possessive} account/version/explanation/answer/position/numbers",
    "~turn ... into a/an deposition/interrogation/inquisition/witch_hunt/cross-examination/trial/war_zone/fight/battle/circus",
    "~pull/~take ... away from teaching/instruction/the_classroom/other_students/the_other_kids/their_jobs/my_job/the_kids/the_students",
    "~have/~contain/~include another/someone_else's/a_different child's/student's/kid's/family's",
    "~put/~leave/~stick {child} in a/the closet/hallway/hall/corner/office/room_alone/back",
    "for the whole/entire class/school/room/team/world to see/hear", "in front of the whole/entire class/team/school/staff/room",
    "in front of everyone/his_classmates/her_classmates/the_other_kids/the_other_students/the_class",
    "~act surprised/shocked/confused/clueless/innocent/like_it's_news/like_this_is_new/like_you_didn't_know/like_they_didn't_know",
    "~act like ... asking for the_moon/a_pony/too_much/a_lot/the_world/special_treatment/a_favor",
    "~get/~go around the_chain_of_command/the_rules/the_process/the_team/the_case_manager/me/us/the_iep",
    "~bypass", "~circumvent", "out of context",
    "~question {possessive} credentials/integrity/motives/honesty/competence/judgment/professionalism/qualifications",
    "~tell {child} ... doesn't/does_not/don't/do_not have to listen/do/follow/obey/mind",
    "~send/~punish/~suspend/~discipline/~write {child} ... for stimming/his_disability/her_disability/meltdowns/his_tics/her_tics/having_a_disability/being_autistic/his_autism/her_autism",
    "with no/zero/little training/experience/certification/background/clue",
    "~spend more on lawyers/attorneys/legal_fees/litigation/fighting",
    "~hope/~wish {us}/we'll/we/we_will/we'd (just) move/go/give/disappear/quit/leave/drop/get_tired/tire/walk",
    "and then ~say/~claim we/they/nobody/no_one/there's/there_is/he_has/she_has/he_had/she_had/he_doesn't/she_doesn't/she_didn't/he_didn't/they_didn't/we_never",
    "~tell the_class/the_whole_class/other_parents/the_other_parents/the_other_kids/the_other_students/the_whole_school (that) {child}/i/we/my/our",
    "~let {child} stay/play/game ... until/till midnight/one/two/three/four/all_night/late",
    "~let {child} skip/miss school/class/homework/therapy/his_meds/her_meds/his_medication/her_medication",
    # harm let happen, wrong things given
    "~let ... film/record/bully/hit/tease/mock/hurt/harass/push/trip/corner {child}",
    "~give/~hand/~send/~put {child}/{us} the/a wrong", "~give/~hand/~send/~put {child}/{us} on/in/to the wrong",
    "~restrain/~hold/~pin/~drag {child} face_down/prone/on_the_floor/to_the_ground/down",
    "~take pictures/photos/video/videos of", "~start/~keep taking pictures/photos/video/notes_on",
    # using things against people, wearing them down
    "~use ... against", "~hold ... against", "~wear {us}/the_family/the_parents/them/everyone down",
    "~starve ... out", "~deprive", "~lecture", "~undo everything/all/our/the_work/what/whatever",
    "~treat ... like/as a/an suggestion/suggestions/afterthought/joke/formality/checkbox/wish_list/optional/criminal/criminals/suspect/burden/nuisance/number/problem/inconvenience",
    "~talk/~speak to ... like they're/we're/i'm/he's/she's/you're/they_are/we_are/i_am/a/an",
    "~tell/~call {child} ... too slow/stupid/lazy/dumb/an_idiot/a_baby/a_brat/hopeless/annoying/a_problem/a_liar/a_faker",
    "~say/~tell/~promise ... one thing and/but/then/in", "~do/~write/~say something completely/totally/entirely different",
    "~do whatever/what you/they/she/he/y'all/the_district want/wants/please/like (anyway/regardless)",
    "and (then) ~wonder/~complain/~blame/~act_surprised/~turn_around/~claim/~pretend/~cry/~whine/~expect/~blame_us",
    "answer/solution/response/fix/go-to/plan is (always) (just) (to) send/call/suspend/remove/punish/blame/ignore/isolate/restrain/sedate/medicate/exclude/kick/wait",
    "suddenly ~have somewhere/another/to/a_meeting/a_call", "~have somewhere (else) to be",
    "only ~show up/~come/~call/~email/~care/~listen/~bother ... when/if they/you/she/he want/wants/need/needs/complain/it's/it_suits",
    "when/knowing/despite_knowing/even_though it/they/you/she/he/the_district (full_well/perfectly_well) ~know/knows/knew/knowing",
]

# Phrases that charge by themselves once a target is their subject.
LOADED_PHRASES = [
    "without asking/telling/consulting/notifying/informing/warning/notice/permission/consent/input/checking/calling/including",
    "without any/a/our/my notice/warning/word/meeting/input/consent/discussion/say",
    "without letting {us} know", "without talking to {us}", "without telling {us}",
    "without asking {us}", "behind {possessive} back/backs",
    "~hand/~give/~offer/~deliver/~send/~show/~do/~tell/~say {us} nothing !wrong",
    "~hand/~give/~offer/~deliver/~send/~show/~do/~say (absolutely/exactly/literally) nothing !wrong/to/about_it_but/of",
    "~wait until we/i complain/complained/call/called/threaten/threatened/push/pushed/yell/yelled/escalate/sue/file/filed/get_a_lawyer",
    "only ~respond/~call/~act/~listen/~move/~answer/~show/~bother/~care/~reply when/if/after/once",
    "~give {us} the runaround", "the runaround",
    "without (even) reading/looking/listening/considering/hearing/checking/bothering/trying/asking/calling/telling",
    "only ... after/when/once/because we/i/the_parents/the_family/my_client/our_attorney/our_advocate/our_lawyer filed/complained/threatened/called/hired/pushed/sued/escalated/went/got/brought/involved/yelled/lawyered",
    "and/but (then) never did/followed/came/called/showed/sent/answered/got_back", "and/but (then) didn't/did_not/never (even) bother", "~twist {possessive} words", "~move the goalposts", "~move the goal posts",
    "~run up the/our/their fees/bill/bills/clock", "~run up fees",
]

# Duties: a failure when negated with a target ("you never return my calls", "nobody
# bothered to call"). Person-to-person duties also fail in the present ("you don't listen").
DUTIES_PERSONAL = [
    "~return", "~answer", "~respond", "~reply", "~call", "~listen", "~read", "~show up",
    "~follow through", "~follow up", "~bother", "~pay attention", "~take {us} seriously",
    "~take this/it seriously", "~tell", "~inform", "~explain", "~try", "~turn in",
    "~get back to", "~communicate", "~reach out", "~lift a finger", "~do anything !wrong",
    "~do {possessive} job", "~do {possessive} part", "~look at", "~check", "~sign", "~come",
    "~acknowledge", "~admit", "~apologize", "~apologise", "~follow", "~implement",
    "~help {child}", "~help {us}", "~keep {us} informed/posted/updated/in_the_loop",
    "~let {us} know", "~notify", "~include", "~invite", "~consult", "~hear", "~respect",
    "~value", "~work with", "~let us/me", "~ask", "~watch {child}", "~keep an eye on",
    "~keep {child} safe", "~check on", "~look after", "~supervise", "~say a word", "~say anything", "~pick up the phone", "~get back to", "~cooperate", "~engage", "~participate", "~attend", "~send",
    "~get back", "~give a damn/crap/hoot/darn/shit", "~keep {possessive} word",
    "~keep {possessive} promise/promises", "~show", "~bring", "~act in good faith",
    "in good faith", "~mention", "~talk about", "~warn", "~flag", "~alert", "~loop {us} in",
    "~check in", "~look into", "~think to", "~enforce", "~do it/this/that !again/anymore",
    "~do a single/one/any/the_home/their_part/his_part/her_part",
]
DUTIES_OTHER = [
    "~provide", "~deliver", "~offer", "~give", "~share", "~fix", "~address", "~test",
    "~evaluate", "~protect", "~supervise", "~teach", "~track", "~document", "~collect",
    "~honor", "~honour", "~schedule", "~update", "~step up", "~make up", "~review",
    "~consider", "~meet with", "~meet", "~own up", "~accommodate", "~serve", "~pick up",
    "~convene", "~issue", "~monitor",
]

# Virtues: a charge of bad character when denied of a target ("you're not being honest",
# "the staff aren't trained"). Negation is required, as with duties.
NEGATED_VIRTUES = [
    "honest", "truthful", "upfront", "up front", "straight with {us}", "straight about",
    "transparent", "professional", "fair", "respectful", "responsive", "trained", "qualified",
    "competent", "telling the truth", "~tell the truth", "~act in good faith", "in good faith",
    "~have a clue", "~listen to a word", "~care one bit", "~know how to", "candid",
    "forthcoming", "forthright", "straightforward", "~care", "~care about {child}", "willing", "accountable",
    "~want {child} in/there/here/around", "~want {child} in {possessive} class/room/classroom/school/program",
    "~like {child}", "~know {child}", "~give {child} a chance",
    "~know what they're/you're/she's/he's/they_are/you_are doing", "~know what {possessive} doing",
]

# After a charge, these excuse it: "the aide missed a few days because she was sick".
EXCUSES = [
    "because she/he/they/i/we was/were/had/got sick/ill/out/absent/hospitalized/in_the_hospital/on_leave/covid/the_flu",
    "because of the/a strike/storm/snow/fire/holiday/holidays/flu/illness/emergency/lockdown/pandemic/move",
    "due to the/a strike/storm/snow/illness/emergency/lockdown/pandemic/holiday",
    "while she/he was on leave/out/sick", "per the accommodation", "per his/her iep/plan",
    "as agreed", "as we agreed", "like we agreed",
    "because of the weather/rain/heat/construction/fire_drill/power_outage/snow_day/holiday",
    "so we/he/she/they can/could", "so that", "in order to", "to focus on", "to make room",
    "because it looked/seemed/sounded", "because we thought", "at first because",
]

# Warm words that make thanks sincere even with "finally": "thank you for finally getting him
# the device, it has changed everything".
SINCERE = [
    "changed everything", "~make a difference", "~make a huge/big/real difference", "~help so much",
    "~help a lot", "it helps", "it helped", "it has helped", "we're grateful", "we are grateful",
    "i'm grateful", "so grateful", "really appreciate", "truly appreciate", "so happy", "thrilled",
    "he loves", "she loves", "he's loving", "she's loving", "it's working", "it is working",
    "means a lot", "meant a lot", "so much better", "we're so glad", "i'm so glad",
]

# Character: bad motive, dishonesty or a trait, pinned on a target ("the aide is lazy").
# Cancelled by negation ("you're not lazy").
CHARACTER = [
    "incompetent", "incompetence", "lazy", "laziness", "useless", "clueless", "dishonest",
    "negligent", "careless", "heartless", "callous", "arrogant", "condescending",
    "disrespectful", "rude", "unprofessional", "hostile", "combative", "belligerent",
    "unreasonable", "hysterical", "manipulative", "vindictive", "greedy", "two-faced",
    "spineless", "pathetic", "disgraceful", "shameful", "sloppy", "inept", "deceitful",
    "sneaky", "shady", "corrupt", "crooked", "cowardly", "cowards", "cruel", "biased",
    "petty", "evasive", "out of touch", "unqualified", "uncooperative", "entitled",
    "delusional", "in denial", "overbearing", "abusive", "neglectful", "irresponsible",
    "unresponsive", "obstructive", "obstructionist", "aggressive", "threatening",
    "intimidating", "demeaning", "nasty", "abrasive", "confrontational", "defensive", "dismissive",
    "an insult", "a slap in the face", "insulted", "insulting", "offensive", "outrageous",
    "absurd", "laughable", "ridiculous", "a joke", "a disgrace", "a sham", "a farce",
    "a liar", "liars", "a bully", "bullies", "dishonesty", "unrealistic",
    "checked out !the/a/an/his/her/books/book/of/some/that/this/it/them/our/your/my/at",
    "in over {possessive} head/heads", "on {possessive} phone/phones all/the day/time",
    "on {possessive} phone/phones the_whole_day/all_the_time",
    "doesn't/don't/didn't/does_not/do_not/did_not (even/really/actually) care !for",
    "couldn't/could_not care less", "don't/doesn't/didn't give a damn/crap/hoot/darn/shit/rat's",
    "only ~care about", "~care more about the/saving money/budget/costs/numbers/liability/money",
    "just/only ~want the/a money/settlement/payout/check/win",
    "just/only ~want to win/save/cut/get_rid",
    "just/only ~want {us} to give/go/quit/disappear/back/shut/leave/fail/drop/pay/cave/fold/sign/foot",
    "in it for the money", "~play games", "~play these/those games", "game-playing",
    "on purpose", "unilaterally", "behind closed doors", "deliberately", "intentionally", "purposely", "purposefully", "knowingly",
    "in bad faith", "bad faith", "~cover for", "~cover {possessive} own/back/backs/butt/butts/tail/tails/behind",
    "~look out for themselves/yourselves/itself/himself/herself",
    "~shop for", "~shop around", "on our/my/the_taxpayers' dime", "on the taxpayer's dime",
    "only here to", "only here for", "doesn't/don't/didn't/does_not/do_not (even) know the first thing",
    "~have no idea what they're/you're/she's/he's/they_are/you_are/she_is/he_is (even) doing",
    "~have no business", "~have no clue what", "~have no right",
    "~have no idea who/what/how he/she/my_son/my_daughter/our_son/our_daughter/this_child is/needs",
    "~have no clue", "no clue what", "~want {child} to fail", "~set {child} up to fail",
    "~set {child} up for failure", "full of excuses", "~make excuses", "fault", "can't be trusted", "cannot be trusted",
    "~overreact", "~over-react", "~make a big deal", "~make a mountain", "~would rather fight",
    "~don't want to pay/spend", "doesn't want to pay/spend", "just don't want to pay/spend",
    "~phone it in", "checked out", "asleep at the wheel", "~couldn't be bothered",
    "can't be bothered", "~could not be bothered", "~get rid of {child}", "~be out to get",
    "~have it in for", "~have an agenda", "hidden agenda", "out to get", "~cover-up",
    "~push {possessive} agenda", "~think {possessive} above", "power trip", "on a power trip",
    "~talk out of both sides", "~speak out of both sides",
    "doesn't/don't/didn't/does_not/do_not have a/any clue", "never satisfied",
    "~want {child} out of", "~want {child} gone", "in it for themselves", "~cover their tracks",
    "more interested in", "more concerned with/about protecting/covering/winning/being_right/looking_good/the_budget/money/billing/liability/themselves/itself/appearances",
    "depending on who's/who_is/who", "~have nothing to do with what/his/her/this/the_child's/my/our",
    "don't/doesn't/didn't/do_not/does_not/did_not (even/actually) match/reflect what (actually/really) happened/was_said/we_said/i_said/was_discussed/was_agreed/we_agreed/we_discussed/he_did/she_did",
    "~be out to win", "~want {child} to fail",
    "only in terms of cost/costs/money/the_budget/dollars/price", "~show no willingness/interest/intention/desire/effort",
    "no willingness to", "~make no effort/attempt", "zero effort/interest",
    "indifference", "deliberate indifference", "callous disregard", "reckless disregard", "willful",
    "wilful", "flagrant", "egregious", "take it or leave it", "take-it-or-leave-it",
    "dressed up as", "disguised as", "masquerading as", "~pass ... off as", "in name only",
    "don't/doesn't/didn't/do_not/does_not/did_not exist/appear anywhere",
]

# Attacks that need no other target: they name or address one by themselves.
CHARACTER_OWN = [
    "you people", "these people", "those people",
    "typical district/school/administration/bureaucrat/bureaucrats/bureaucracy/response/answer/excuse/lawyer/lawyers/parent/parents/sped",
    "so typical", "how typical", "typical.",
    "that's/that_is/this_is/it's/it_was/that_was/this_was/it_is/it_was_all/that_was_all a/an (flat-out/outright/complete/total/blatant/bald-faced/absolute/bold-faced/flat) lie/lies",
    "pattern of noncompliance/non-compliance/neglect/delay/delays/failure/failures/ignoring/dismissing/stonewalling/violations/retaliation/indifference/disregard/excuses/broken_promises",
    "excuse/excuses from you/them/the_district/this_district/the_school/your_team/y'all/this_team/your_office",
    "nothing but excuses", "more excuses", "another excuse", "excuse after excuse",
    "a new excuse", "the same excuses", "the usual excuses", "always an excuse",
    "someone/somebody/everyone/everybody else's fault", "never your/their/the_district's/the_school's fault",
    "~act like we're/we_are/i'm/i_am/the_parents_are/the_family_is/mom_is the problem/stupid/idiots/crazy/liars/the_enemy",
    "~act like we/i are/am/were/was the problem/stupid/idiots/crazy/liars/the_enemy",
    "~think we're/we_are/i'm/i_am stupid/idiots/crazy/liars/the_problem/the_enemy",
    "~make {us} out to be", "~make {us} look like", "~paint {us} as",
    "who's/who_is going to explain to him/her/my_son/our_son/my_daughter/our_daughter/the_kids/my_child",
    "that's/that_is/this_is/what_a (total/complete/absolute) bs/bull/bullshit/garbage/crap/load",
    "shame on you/them/the/this", "you should be ashamed", "you ought to be ashamed",
    "should be ashamed of {possessive}", "what a joke", "what a sham", "what a farce",
    "let's not pretend", "don't pretend", "stop pretending", "quit pretending",
    "don't act like", "don't play dumb", "don't give me that", "spare me", "give me a break",
    "you're all the same", "you are all the same", "you're all alike", "you guys are unbelievable",
    "you're unbelievable", "you are unbelievable", "liar", "you liar",
    "~put {possessive} budget before", "budget over kids", "money over kids",
    "money before kids", "budget before kids", "not worth the paper",
    "sick/tired of/with the/your/all_the/their/these excuses/lies/runaround/games/delays/stalling",
    "fed up with the/your/all_the/their/these excuses/lies/runaround/games/delays/stalling",
    "this/that/it is/was (textbook/pure/clear/classic/obvious/blatant/straight-up/plain) retaliation",
    "that's/it's (textbook/pure/clear/classic/obvious/blatant/straight-up/plain) retaliation",
    "textbook retaliation", "nothing is ever good enough",
    "this/that/it is/was (textbook/pure/clear/classic/obvious/blatant/straight-up/plain/nothing_but/nothing_short_of) harassment/intimidation/discrimination/negligence/malpractice/a_cover-up/a_setup/gaslighting/sabotage/obstruction",
    "that's/it's (textbook/pure/clear/classic/obvious/blatant/straight-up/plain/nothing_but/nothing_short_of) harassment/intimidation/discrimination/negligence/malpractice/a_cover-up/a_setup/gaslighting/sabotage/obstruction",
    "that's/that_is/it's/it_is/this_is/this_was/that_was/which_is (all) (probably/clearly/obviously/certainly/surely) by_design/no_accident/not_an_accident/no_coincidence/not_a_coincidence",
    "which is/was (simply/just/completely/totally/patently/flat-out/blatantly/absolutely/categorically) false/untrue/a_lie/a_fabrication/fiction",
    "don't/can't/cannot/do_not trust a_single/one/any/a word/number/thing/piece/page/line",
    "don't tell me (that) you/you're/they/they're/the_district/the_school/the_team/y'all/your_team",
    "and he/she/they/everyone/everybody knows/know it !'s/is/was/will/works/takes",
    "and (the) district/school/team/they/you/everyone/everybody/y'all knew/know/knows (it/that/this/full_well) !he/she/we/i/the/his/her/about/how/what/when/where/why/who/if/whether",
    "an/a attempt/ploy/tactic/strategy/move/way/effort to wear/stall/delay/exhaust/intimidate/silence/discourage/punish/drive/push/get_rid/run_out/bully/scare/avoid/dodge/save_money/starve",
    "designed/meant/calculated to wear/stall/delay/exhaust/intimidate/silence/discourage/punish/drive/push/get_rid/run_out/bully/scare",
    "i'm/i_am/we're/we_are done/finished/tired_of/sick_of pretending/playing_nice/being_polite/being_patient/asking_nicely/being_nice",
    "the only time anyone/anybody/you/they/someone/somebody/the_school/the_district (ever) ~listen/~call/~respond/~act/~answer/~care/~show/~move/~do/~pay",
    "which/and she/he/they/you/everyone (full_well) ~know (is/was/isn't/wasn't/is_not) (not) true/false/untrue/a_lie/wrong",
    "what the excuse is/will", "what excuse/story they/you/the_district come/will/'ll",
    "nothing ever comes of it/them/that", "and nothing comes of it",
    "by another name", "in all but name", "de facto suspension/suspensions/removal/removals/expulsion/exclusion",
    "it/that ~take you/them/y'all/the_district/the_school/the_team/your_office/the_office/everyone/anyone * (whole/full/entire) weeks/months/days/years/tries/emails/calls/meetings",
    "when/until/whenever/unless it's/it_is/it_suits/it's_ever (convenient/easy) (for) (you/them/the_district/the_school)",
    "~poison the well/building/relationship/team/staff/everyone/the_kids",
    "which is (literally/clearly/obviously/exactly/simply) part/a_symptom/a_manifestation/a_feature of his/her/their disability/autism/adhd/diagnosis",
    "designed/meant/calculated to reach/justify/support/deny/reject/avoid/limit/minimize/exclude/get",
    "let's talk about why there's/there_has/there_have/nobody/no_one/you/they",
    "don't/can't/cannot/do_not trust anything/a_word you/they/this_district/the_district/the_school/your_team/y'all",
    "don't/can't/cannot/do_not trust you/them/this_district/the_district/the_school/your_team/y'all/you_people",
    "~use ... as an excuse", "as an excuse to", "~use the school/us/the_district/school as a/an babysitter/daycare/dumping_ground",
    "~would rather pay/spend/fight/litigate/go_to_court lawyers/on_lawyers/than",
    "rules don't/do_not apply to them/you/the_district/the_parents",
    "~think the rules don't/do_not apply", "like that's/that_is an answer/excuse/explanation",
    "it took a/an/our/my/the lawyer/lawyer's/attorney/attorney's/complaint/threat/hearing/letter/advocate/lawsuit",
    "to get you/them/y'all/anyone/anybody/the_district/the_school/this_office to even/actually/finally/listen/respond/answer/act/care/notice/move",
    "don't/do_not sit/stand there and", "don't you sit/stand there",
    "~have to fight you/them/y'all/the_district/the_school/this_district/tooth/for_every",
    "and (then) nothing changes/happens/happened/changed/gets_done/got_done",
    "nothing ever changes/happens/changed/happened/gets_done/got_done", "is/was/are/were/falls/rests/lies/that's/it's/this's on the_parents/the_family/you/them/the_district/the_school/the_team/mom/dad/your_team/your_side/the_advocate/y'all/you_guys !'s",
]

# Sarcasm that stands on its own.
SARCASM = [
    "oh sure/great !thing/that's/that_works/that_sounds/sounds/no_problem/we_can/i_can/let's/go_ahead/monday/tuesday/wednesday/thursday/friday/saturday/sunday/why_not/i'll/we'll/thanks/thank/happy/yes/of_course/absolutely/works/morning/afternoon/next",
    "oh please", "oh wonderful", "oh brilliant", "oh lovely",
    "oh fantastic", "oh joy", "oh goody",
    "yeah right !after/before/now/here/there/away/then/when/on/next/at/in/about/back",
    "great/wonderful/perfect/fantastic/lovely/terrific/awesome/super another/more",
    "like that's/that_is going/gonna to happen", "like that's gonna happen",
    "like that ever happens", "funny how", "isn't it funny", "it's funny how",
    "funny that nobody/no_one/you/they/the_district/the_school/every/this/it_always/it_never",
    "interesting how", "interesting that nobody/no_one/you/they/the_district/the_school/it_always/it_never",
    "strange how", "curious how", "odd how", "convenient how", "how convenient",
    "conveniently", "must be nice !for/to_have_him/to_have_her",
    "sure it's/it_is/that's/this_is (just/all/purely/only) a/just_a coincidence",
    "what a coincidence", "what a surprise", "big surprise", "surprise, surprise",
    "surprise surprise", "shocker", "color/colour me shocked/surprised", "what a shock",
    "shocking, i know",
    "nice/good/kind/sweet of you/them/the_district/the_school/the_team to finally/bother/grace/actually/eventually",
    "glad you could finally/actually", "glad you finally", "thanks for nothing",
    "thank you for nothing", "gee thanks", "gee, thanks", "real helpful", "real nice",
    "real professional", "how professional", "so-called", "whatever you say",
    "because that worked so well", "because that's worked so well",
    "because that has worked so well", "because that went so well", "what else is new",
    "how shocking", "supposed to just/simply trust/believe/take/accept/sit/wait/smile/nod/go",
    "and we're/i'm supposed to believe/trust", "as if you/they/anyone/the_district/the_school/that_helps",
    "bless your heart", "good luck with that", "nice try", "that's rich", "that's a good one",
    "spare us", "thanks a lot for nothing", "supposed to be the experts/professionals/specialists",
    "you're/you_are the experts/professionals, aren't", "aren't you the experts/professionals", "just a suggestion", "apparently optional",
    "optional around here", "~be optional for you/them/the_district/the_school", "oh, so now", "oh so now", "so now you/they care",
    "now you/they care", "now all of a sudden", "all of a sudden you/they/the_district/the_school", "and you know it !'s/is/was/will/works/takes",
    "and they know it !'s/is/was/will/works/takes", "i'm sure you/they did/tried/were/are !your/the/what/everything/all",
    "let me guess", "love how", "i love how", "gotta love", "got to love", "just love how",
    "cute that/how", "adorable that/how", "great/nice/good/lovely/wonderful/fine plan/idea/policy/system/goal/theory (,) except",
    "the only thing consistent/reliable/predictable/dependable about",
    "so i'm/we're/i_am/we_are supposed to (just/simply) believe/trust/accept/buy/swallow",
    "don't you love how", "too much to ask/expect", "too much trouble",
    "must have been (so/really/very) hard/tough/difficult to find/send/pick/make/answer/return/reply/write/respond/call/email/read/get/show/take",
    "i'm/i_am/we're/we_are/we_feel/i_feel (so/truly/deeply/very) honored/flattered !to/that/by/for/and/you/with/in/of/the",
    "that's/that_has/that/this_has/which_has (really) worked/gone (out) so well/great/wonderfully/beautifully",
    "because ... worked/went/turned (out) so_well/great/wonderfully/beautifully/swimmingly",
    "~pretend ... didn't/never/did_not happen/exist", "are/is/were we (just) going/gonna to pretend",
    "we're/we_are (just) going/gonna to pretend", "let's (just) pretend", "so we're pretending",
    "so the plan/answer/solution/idea/strategy is to (just) wait/do_nothing/ignore/hope/keep/let/pretend",
    "nice/good/kind/sweet of everyone/everybody/anyone/anybody/y'all to !come/be/join/make/help/take/give/stay",
    "nice of you/them/the_district/the_school/the_team to grace/remember/bother",
    "apparently ... optional", "optional for you/your/them/their/his/her/the_district/the_school/the_teachers/the_staff/staff/teachers/this_team",
    "can't wait to hear/see what", "real comforting/reassuring/encouraging/smooth/classy/mature/responsible/thoughtful/considerate",
    "another * another", "just never happens", "it/that/this never (actually) happens/happened/gets_done/got_done",
    "first i'm/i've/we're/we've hearing/heard/learning/learned of/about",
    "i'm/we're/i_am/we_are (only/just) (now) hearing about it/this/that now", "and i'm/we're only now/just_now hearing/finding",
    "same old story", "same song and dance", "heard it all before", "~be always the same story/excuse/answer/song",
    "it's/it_is the same story/excuse/answer/song every/each/again", "and then nothing !else/but/more/at/in/to/is/was/like/serious/bad/happened/changed/could/would/will",
]
# Praise or thanks that is sarcastic only when something sour follows in the same sentence
# ("great job losing his plan again", "thanks so much for telling us the day before").
SARCASM_SOFT = [
    "great/nice/good/fantastic/wonderful/excellent/brilliant/terrific/amazing/stellar job/work",
    "well done", "way to go", "bravo", "kudos", "hats off",
    "thanks/thank_you (so/very) much for", "thanks/thank_you a lot/bunch for",
    "thanks/thank_you again for", "thanks/thank_you for", "i appreciate you finally",
    "appreciate you finally", "appreciate it", "yeah because", "sure because", "right because",
    "i'm sure", "i am sure", "perfect timing", "great timing", "nice timing", "good timing",
    "love that", "i love that", "love it when",
    "oh yeah because",
]
SOUR = [
    "finally", "nothing", "last minute", "last-minute", "the day before", "the night before",
    "the morning of", "after the fact", "too late", "so much for", "~lose", "~ignore",
    "~forget", "~waste", "~cancel", "~skip", "~ruin", "~mess", "~screw", "~wreck",
    "without asking/telling/a/any/consulting/notice/warning/letting/checking/calling/including",
    "~tell/~let/~inform/~warn/~notify ... after she/he/they/it/the_fact/everything/we/i",
    "once again", "as usual", "yet again", "for once", "a year later", "months later",
    "weeks later", "days later", "hours later", "a week later", "a month later", "a day late",
    "a week late", "for never", "another excuse/delay/cancellation/wasted/missed/broken/empty/year/month/week/semester/meeting",
    "no progress", "zero progress", "no change",
    "only took", "took you", "took them", "took the district",
    "~work out great/so_well/wonderfully/beautifully/perfectly", "~go so well/great/swimmingly",
    "~have nothing to do with it/this/that", "the day after", "after the deadline", "deadline passed",
    "~find out", "~hear about it from", "from the portal", "online portal",
]
# Insinuation: an opener like "funny," or "interesting," followed by an absolute or a hint of
# convenient timing in the same sentence ("Funny, the data always looks great before a meeting").
INSINUATION = ["funny", "interesting", "odd", "strange", "curious", "weird", "amazing how", "somehow"]
INSINUATION_SOUR = [
    "always", "never", "somehow", "conveniently", "every time", "right before", "right after",
    "only when", "only after", "only if", "just happens", "just so happens", "suddenly",
    "magically", "all of a sudden", "of course", "no matter what", "whenever", "the minute",
    "the moment", "as soon as",
]

# Scare quotes: a short quoted phrase with one of these words, around the other side's word
# ("his "progress"", "the 'team' decided").
SCARE_WORDS = [
    "progress", "progressing", "help", "helping", "helpful", "support", "supports",
    "supported", "supporting", "team", "services", "service", "appropriate", "expert",
    "experts", "specialist", "specialists", "data", "plan", "collaboration", "collaborative",
    "communication", "evaluation", "meeting", "input", "listening", "listened", "partner",
    "partners", "partnership", "accommodations", "accommodation", "care", "cares", "caring",
    "concern", "concerned", "everything", "best", "fine", "trying", "tried", "priority",
    "inclusion", "inclusive", "individualized", "intervention", "interventions",
    "research-based", "documented", "consulted", "misunderstanding", "oversight", "mistake",
    "error", "glitch", "lost", "forgot", "forgetting", "busy", "staffing", "emergency",
    "decided", "decision", "recommend", "recommended", "recommendation", "professional",
    "professionals", "meaningful", "benefit", "on track", "working", "working on it",
    "looking into it", "reviewed", "miscommunication", "confusion", "available", "offered",
    "attempted", "investigating", "teaching", "instruction", "minutes", "aide", "qualified",
    "trained", "open door", "open-door", "family-centered", "child-centered", "student-centered",
    "individual", "fair", "neutral", "honest", "transparent", "transparency", "sorry",
    "apology", "apologize", "our best", "doing our best", "the best we can", "flexibility",
    "flexible", "resources", "good faith", "fidelity", "evidence-based", "responsive", "offer",
    "budget", "budget constraints", "policy", "staffing issues", "scheduling conflict",
    "proposal", "compromise", "generous", "plenty", "enough", "adequate", "sufficient",
    "fit", "good fit", "next week", "next month", "soon", "pending", "in process", "in the works",
    "on it", "monitor", "monitoring", "revisit", "adequate progress", "making progress", "forgetting", "delivered", "provided", "implemented", "reading", "progress monitoring",
]
# Before a quotation these mean a real quote, not scare quotes ("the IEP lists "push-in"").
QUOTE_INTRODUCERS = [
    "says", "said", "say", "states", "stated", "reads", "read", "lists", "listed", "called",
    "calls", "labeled", "labelled", "titled", "term", "word", "words", "phrase", "means",
    "defines", "defined", "as", "wrote", "writes", "written", "marked", "checked", "under",
    "per", "section", "box", "category", "code", "heading", "rated", "scored", "noted",
    "notes", "note", "entitled", "named", "described", "describes", "describe", "mean",
    "meant", "uses", "used", "using",
]
# Words inside a quotation that make it a quoted sentence rather than scare quotes.
QUOTE_SPEECH_WORDS = ["i", "we", "you", "he", "she", "they", "i'm", "we're", "you're",
                      "it's", "he's", "she's", "they're", "i'll", "we'll", "let's"]

# Threats that stand on their own.
THREAT = [
    "see you at/in/before due_process/court/a_hearing/the_hearing/front/a_courtroom",
    "my/our lawyer/lawyers/attorney/attorneys/counsel will/'ll/is_going_to/are_going_to/is_gonna (be) hear/hearing",
    "my/our lawyer/lawyers/attorney/attorneys/counsel will/'ll/is_going_to/are_going_to/is_gonna (be) sue/suing/deal/dealing/handle/handling/contact/contacting/calling/call/get_involved/take_it_from_here/be_in_touch",
    "~hear from my/our lawyer/lawyers/attorney/attorneys/counsel",
    "you'll/you_will be hearing from", "you'll/you_will hear from", "you'll/you_will be hearing about this",
    "you'll/you_will/you're_going_to/you_are_going_to/they'll/they_will/the_district_will/you're_gonna regret",
    "you'll/you_will be sorry", "you'll/you_will pay for", "have your job/jobs/license/head",
    "this isn't/ain't over", "this is not over", "mark my words", "or else", "watch me",
    "{we_will} make sure everyone/everybody/the_whole/the_board/the_state/the_superintendent/the_world knows",
    "go over your head/heads", "{we_will} see about that", "take this all the way",
    "~go public", "~lawyer up", "next stop is/will_be/'s/: due/a/the/court/our/my/ocr",
    "next stop, due/a/the/court/our/my/ocr",
    # what was said kept against the speaker: "I'm writing all of this down, for later"
    "i'm/i_am/we're/we_are/i've_been/we've_been writing/jotting/noting (all) (of) this/that/it/everything (all) down (,) for later",
    "it's/this_is all going in my/our file/notes/records",
    "you've/you_have been warned", "consider yourself/yourselves warned", "~be your last/final warning",
]
# Legal or public steps that are a threat unless calmly hedged in the same sentence (see
# THREAT_HEDGES): "we'll file for due process" is a threat; "we may file a state complaint if
# we can't agree" names a right.
THREAT_LEGAL = [
    "{we_will} (be) ~sue", "~sue you/the_district/the_school/this_district/your_district/them/everyone/everybody/all_of_you/the_board/the_team/the_teacher/the_school_district",
    "{we_will} (be) ~file (for/a/an) due_process/complaint/state_complaint/ocr_complaint/lawsuit/suit/charges/formal_complaint/complaints/for_a_hearing/for_a_due_process",
    "{we_will} (be) ~take this/it/you/the_district/them/the_school/y'all/everyone to {venue}",
    "~take this/it/you/the_district/them/the_school to court/due_process/a_hearing/the_state/ocr/the_press/the_news/the_media/the_papers/the_superintendent/the_top/a_judge",
    "{we_will} (be) ~go to {venue} !meeting/meetings",
    "~go to the press/news/media/paper/papers/newspaper",
    "{we_will} (be) ~call/~contact/~get/~hire/~retain (my/our/a/an/the) lawyer/lawyers/attorney/attorneys/state/ocr/press/news/media/paper/newspaper/superintendent/board/school_board",
    "~call/~calling/~get/~hire/~retain my/our lawyer/lawyers/attorney/attorneys",
    "{we_will} (be) ~report you/this/the_district/the_school/him/her/them/the_teacher/the_aide/everyone/all_of_you",
    "{we_will} (be) ~escalate this/it/the_matter", "{we_will} (be) ~file with {venue}/ocr/the_state/the_department",
    "{we_will} (be) ~file ... unless", "{we_will} (be) ~lawyer",
    "{we_will} (be) ~bring in (a/our/my) lawyer/attorney/lawyers/attorneys",
    "{we_will} (be) in touch with my/our/a lawyer/attorney",
    "{we_will} (be) ~involve (my/our/a) lawyer/attorney/lawyers/attorneys/the_state/the_press/the_media",
]
CLASSES["we_will"] = [
    "i'll", "we'll", "i will", "we will", "i'm going to", "we're going to", "i am going to",
    "we are going to", "i'm gonna", "we're gonna", "gonna", "i'm", "we're", "we are", "i am",
    "i'm about to", "we're about to", "we will now", "i will now", "we're now", "i'm now",
    "we will be", "i will be", "we'll be", "i'll be", "we're definitely", "i'm definitely",
]
CLASSES["venue"] = [
    "due process", "court", "a hearing", "the hearing", "a hearing officer", "the state",
    "ocr", "the office for civil rights", "the board", "the school board", "the superintendent",
    "the press", "the news", "the media", "the paper", "the papers", "the newspaper", "tv",
    "the department of education", "the commissioner", "a judge", "the top", "federal court",
    "the feds", "the state board", "the governor", "facebook", "social media", "channel",
]
# These in the same sentence turn a legal step into a calmly named right.
THREAT_HEDGES = [
    "may", "might", "could", "would", "consider", "considering", "if we can't", "if we cannot",
    "if we don't", "if we do not", "if we're not able", "if we are not able",
    "if this doesn't work", "if we need to", "if we have to", "if necessary", "if needed",
    "right to", "our rights", "my rights", "option", "options", "last resort", "rather not",
    "prefer not", "hope not", "hoping not", "hope we don't", "hope it doesn't", "to avoid",
    "avoid", "don't want", "do not want", "reserve", "can file", "can request", "entitled",
    "not going to", "no one wants", "nobody wants", "if it comes to", "if it comes to that",
    "if we must", "only if", "if that's what it takes", "hopefully not",
]

# Accusing questions: they charge by asking.
QUESTIONS = [
    "how could you/they/anyone/anybody/someone/somebody/y'all/u",
    "how could the/this/your/his/her district/school/team/teacher/teachers/aide/staff/principal/case_manager/therapist/administration/department/parents/family/advocate/mom/dad/evaluator/psychologist/director",
    "how dare",
    "how many (more) times do/did/must/should/will/have/am/do_i/do_we we/i (have/need/got) (to)",
    "how many more times",
    "how hard is it to", "how hard can it be", "how difficult is it to",
    "how is it (possible) (that) you/they/nobody/no_one/anyone/the_district/the_school/the_team/your_team",
    "are/is/were/was/do/does/did/have/has you/they/anyone/anybody/u/y'all/the_district/the_school/the_team/your_team/the_teacher/the_case_manager/the_aide/the_staff/your_staff/the_parents/mom/dad/you_guys/you_people even !allowed/able/supposed/permitted/required/eligible/in/at/going_to_be/available/free",
    "did/does/do anyone/anybody/you/they ever bother",
    "does anyone/anybody (here) even/actually/really/honestly care/read/listen",
    "does anyone/anybody (here) care", "doesn't anyone/anybody care/read/listen",
    "does nobody care", "is anyone/anybody (even) listening", "is anybody home",
    "was/were anyone/anybody/you/they/the_district/the_school/the_team/your_team (ever/even/actually) planning/going/gonna/intending to tell/let/inform/call/share/mention/bother/say/ask/notify/involve",
    "when (exactly) was/were you/they/anyone/anybody/the_district/the_school/the_team/you_guys (ever) going/planning/gonna to tell/let/mention/inform/share/call/bother",
    "when are/is you/they/the_district/the_school/the_team ever/actually/finally/even going",
    "when are you going to actually/finally/ever",
    "who decided to", "who decided that/it this/it/that was",
    "who decided it/this was", "who thought this/that/it was a good idea",
    "who thought that/this/it was okay/ok/acceptable/fine", "who gave you the right/permission",
    "who told you it/that/this was okay/ok/fine/acceptable/alright",
    "who said you/they could",
    "is/are/was/were anyone/anybody/you/they/the_district/the_school/the_team/your_team (here) (ever/actually/even/really) going/gonna/planning to take/own/admit/apologize/accept/fix",
    "how many emails/calls/meetings/letters/times/messages/requests/complaints/more does/do/will/did it take",
    "how long does/do/will/did it take for you/them/the_district/the_school/anyone/anybody/this_office",
    "how long does/do/will/did it take to get a/an/any reply/answer/response/callback", "who gave anyone/anybody/them the right/permission",
    "who do you think you", "who the hell", "who does that",
    "what is/was wrong with you/them/these_people/those_people/you_people/this_district/this_school/your_team/the_district/the_school/the_team/your_staff/this_team/everyone/people",
    "what's wrong with you/them/these_people/those_people/you_people/this_district/this_school/your_team/the_district/the_school/the_team/your_staff/this_team/everyone/people",
    "what were you thinking", "what was the district/school/team/teacher/aide thinking",
    "what (exactly) do you people/guys (even) do", "what exactly do you do",
    "where were you when", "where was the district/school/team/aide/teacher/case_manager/principal when",
    "do/did you (even) have any idea what this/that/it/you/we/our/my",
    "do/did you (even) have any idea how hard/much/painful/difficult/humiliating/frustrating/exhausting/scary/terrifying/bad/awful/hurtful/this/that/it",
    "do/did you even know", "did it ever occur to", "does it ever occur to",
    "has it ever occurred to", "did it occur to anyone/anybody/you",
    "do/did/are you seriously/honestly think/expect/believe/mean/want",
    "do/did you really expect/believe us/me", "you expect us/me to believe",
    "do/does you/they/anyone really/honestly/seriously expect us/me",
    "are you kidding/joking", "you can't/cannot be serious", "are you for real",
    "is this a joke", "is this some kind of joke", "is this some sort of joke",
    "is that/this (really/honestly/seriously) the best you/they/y'all/the_district/the_school/the_team/your_team/your_district can/could",
    "what kind of school/district/teacher/person/people/professional/parent/aide/team/administrator/therapist does/do/would/treats/lets/leaves/allows/ignores/says",
    "what is the point of you", "why even have", "why on earth", "why in the world",
    "why the hell", "why the heck", "why would anyone/anybody/someone/somebody",
    "why would you/they/y'all ever/even/do/put/let/leave/send/say/think/allow/tell/not/keep/lie/ignore/hide/wait/cut/drop/pull/treat/make/agree",
    "why should we/i trust/believe",
    "so what exactly have you/they", "what have you/they actually done",
    "why am i the only one", "who exactly/even/actually/really ~decide/~think/~approve/~authorize/~allow/~say/~tell/~sign", "am i the only one (here) who/that/in", "i'm/i_am the only one (here) who (actually/even/has/ever)",
    "how is/was it/this/that/any_of_this (even/remotely/possibly/in_any_way) acceptable/okay/ok/legal/fair/allowed/appropriate/reasonable/professional",
    "who ~sign off on/~approve/~authorize/~okay putting/leaving/letting/cutting/sending/taking/pulling/removing/moving/dropping/restraining/secluding/isolating",
    "what exactly have you/they done", "what have you people/guys done",
]
# "Why ..." openers are accusing only with a target and a hint of failure or habit in the same
# clause ("Why do you keep cancelling", "Why didn't anyone call"); see reframe.py.
WHY_OPENERS = ["why", "how come"]
WHY_HINTS = [
    "keep", "keeps", "kept", "keeping", "always", "never", "even", "still", "only", "ever",
    "bother", "bothered", "constantly", "continue", "continues", "continually", "refuse",
    "refuses", "refused", "every time", "again", "nobody", "no one", "yet", "anymore",
    "all the time", "at all", "every single",
]

# Blame by "if only they had": "if the parents followed through at home, we wouldn't be here".
COUNTERFACTUAL = [
    "if (only) {blamable} (had/just/actually/only/ever/even/for_once/bothered_to) followed/bothered/cared/listened/checked/returned/answered/enforced/supported/cooperated/responded/attended/implemented",
    "if (only) {blamable} had (just/actually/only/ever/even) read/done/been/made/given/told/followed/sent/called/shown/listened/bothered/paid/taken/kept",
    "if (only) {blamable} would just/actually/only/ever/for_once/bother",
    "if (only) {blamable} actually/even/ever/bothered/stopped/quit/would_stop/would_quit/had_stopped",
    "if i/we hadn't/had_not/didn't/had_never pushed/paid/fought/hired/insisted/complained/called/gotten/asked/gone/brought/found/pressed/filed",
    "if (only) {blamable} ... had/would_have (just/actually/ever/even/bothered_to) read/looked/listened/followed/checked/called/told/asked/done/paid/tested/evaluated/implemented",
    "it shouldn't/should_not/should_never (have) ~take a/an/the threat/lawyer/complaint/attorney/advocate/hearing/letter/due_process/state_complaint/lawsuit/meeting",
    "if (only) {blamable} would (just) stop !by",
    "if (only) {blamable} 'd just/actually/ever/only/bother",
    "if (only) {blamable} (just/actually) did/do {possessive} job/part/homework",
    "{blamable} had ... to fix/address/solve/deal_with/handle this/it/that and didn't/did_not/haven't/hasn't/never",
    "we wouldn't/would_not be here if", "none of this would have happened if",
    "this wouldn't/would_not have happened if", "this would never have happened if",
    "{blamable} ~have had ... to fix/address/solve/handle/get_this_right/get_it_right/do_something/sort_this_out/figure_this_out",
    "you've/they've/y'all've had ... to fix/address/solve/handle/get_this_right/get_it_right/do_something/sort_this_out/figure_this_out",
]
CLASSES["blamable"] = [
    "you", "they", "the parents", "the family", "mom", "dad", "his mom", "her mom",
    "his mother", "her mother", "his dad", "her dad", "the district", "the school", "the team",
    "your team", "the teacher", "his teacher", "her teacher", "the case manager", "the aide",
    "the staff", "your staff", "the advocate", "the principal", "somebody", "someone",
    "anyone", "anybody", "y'all", "you guys", "u", "the therapist", "the school district",
    "people", "the parent", "his parents", "her parents", "the administration",
]

# Lapses that are a charge only when they are a habit ("Mom picks him up early every time he
# has a test", "they send him to school without breakfast most days"), not once ("Dad picks him
# up early on Wednesdays for therapy"). A habit is an absolute or a word from HABITUAL.
HABITS = [
    "~pick {child} up early/late", "~drop {child} off late/early", "~bring {child} in late",
    "~send {child} (to) (school/class/in/here) without", "~show up late/unannounced/unprepared/without",
    "~come in late", "~come late", "~arrive late", "~leave early", "~run late", "~cancel",
    "~be late", "~be always late", "~be never on time",
    "~reschedule", "~forget", "~miss", "~skip", "~change the/his/her schedule/plan/date/time/rules/story",
    "~move the meeting/meetings/date", "~come unprepared", "~keep {child} home",
    "~pull/~take {child} out of art/recess/music/pe/gym/lunch/specials/class/science/reading/speech/ot",
]
HABITUAL = [
    "whenever", "most days", "most mornings", "half the time", "every other day", "every time",
    "each time", "all the time", "again", "once again", "keeps", "kept", "routinely",
    "repeatedly", "habitually", "chronically", "consistently", "constantly", "always", "never",
    "every single",
]

# Legal charges that stand on their own, the agent left unsaid ("The IEP was developed in
# violation of the procedural safeguards"). Quiet in a sentence that quotes the law or asks
# whether (LAW_CONTEXT), after a negation, or after a conditional.
LEGAL_CHARGES = [
    "in violation of", "in direct/clear/flagrant violation of",
    "not a lawful/legal/legitimate/valid basis/reason/justification/ground/grounds",
    "systematic/repeated/ongoing/continued/persistent/complete/total/consistent/utter failure/failures to",
    "predetermined conclusion/outcome/result/decision/placement/outcomes",
    "a/one/another/clear/serious/procedural/substantive/blatant violation/violations of",
    "procedural/substantive violation/violations", "denial/denials of fape/meaningful/a_free",
    "~deny ... fape", "deprived ... of fape/meaningful/an_appropriate",
    "not/no meaningful participation", "out of compliance", "~fail to comply",
]
LAW_CONTEXT = [
    "under idea", "under the idea", "under section", "under the law", "under state law",
    "under federal law", "the law says", "the law requires", "the regulations", "regulation",
    "regulations", "the statute", "requires", "required to", "would constitute", "would be",
    "could be", "can be", "is considered", "counts as", "defined as", "whether", "alleged",
    "alleges", "allegation", "allegations", "if", "what counts", "the standard",
]

# A time after "until" / "before": "They won't send it until Friday" is a schedule, not a refusal.
SCHEDULE = [
    "until/till/'til/before/by (next/this/the) monday/tuesday/wednesday/thursday/friday/saturday/sunday/tomorrow/week/month/semester/quarter/spring/summer/fall/winter/january/february/march/april/may/june/july/august/september/october/november/december/end/first/second/third/fourth/fifth/tenth/fifteenth/twentieth/meeting/afternoon/evening/noon",
]
# Parties that are institutions: "the district will not be providing ESY transport" is a
# policy; "Mom won't give the medication" is a refusal.
INSTITUTIONS = [
    "district", "districts", "school district", "school", "the school", "administration",
    "department", "the department", "office", "the office", "board", "the board", "building",
    "the building", "central office", "state", "transportation", "sped", "special ed",
    "this school", "this office", "this department", "this building", "that school",
    "school board",
]

# Praise tacked on the end of a complaint: "...without even meeting him, cool".
SARCASTIC_TAILS = [
    "cool", "great", "awesome", "perfect", "wonderful", "fantastic", "nice", "super", "lovely",
    "terrific", "brilliant", "amazing", "good to know", "got it", "love that", "love it",
    "thanks a lot", "thanks for that", "fun times", "classic", "typical", "noted", "cool cool",
    "great job", "good job", "awesome sauce", "fun", "sweet", "okay then", "ok then",
]
# Time that passed while nothing happened: "You promised a one-to-one by October and here we are".
TIMELINE = [
    "and/yet/so here we are", "here we are again", "here we are in/at/months/a/two/three/four/five/six/still/with/now",
    "and still nothing", "still nothing", "and still no", "still no word/answer/response/reply/report/aide/evaluation/data",
]

# Words allowed between "and" and a verb that shares the clause's subject ("and then did nothing").
COORDINATION_ADVERBS = [
    "just", "then", "also", "still", "even", "simply", "basically", "actually", "promptly",
    "conveniently", "quietly", "completely", "totally", "now", "later", "again", "somehow",
    "suddenly", "instead", "never", "literally",
]
# "never" (or a negation with "even") before any verb charges the subject right before it ("y'all
# never looked back"), except verbs that praise or say nothing of the subject.
NEVER_WORDS = ["never", "never once", "not once", "never ever", "never even", "not even once"]
NEVER_OK_VERBS = [
    "miss", "misses", "missed", "missing", "complain", "complains", "complained", "complaining",
    "know", "knew", "known", "knows", "stop", "stops", "stopped", "fail", "fails", "failed",
    "hesitate", "hesitates", "hesitated", "is", "was", "were", "be", "been", "being", "am", "are",
    "had", "has", "have", "having", "quit", "quits", "doubt", "doubted", "doubts", "forget",
    "forgets", "forgot", "meant", "mean", "means", "said", "say", "says", "claimed", "claim",
    "expected", "expect", "would", "could", "should", "will", "can", "need", "needs", "needed",
    "used", "get", "gets", "got", "seem", "seems", "seemed", "happen", "happens", "happened",
    "once", "again", "even", "ever", "really", "actually", "just", "to", "a", "an", "the", "too",
    "so", "complaint", "late", "early", "absent", "worry", "worried", "worries", "cease",
    "ceased", "lose", "loses", "lost", "tire", "tires", "tired", "raised", "raise", "yelled",
    "yell", "hurt", "hurts", "mind", "minded", "dreamed", "dreamt", "imagined", "imagine", "like",
    "likes", "liked",
]
NEVER_OK_PHRASES = ["gave up", "give up", "gives up", "let him down", "let her down", "let us down",
                    "let me down", "leave his side", "left his side", "left her side", "leave her side"]

# Absolutes: they generalise a failure ("you never", "every single time"). Reported as cues
# inside an accusation; never enough on their own.
ABSOLUTES = [
    "never", "always", "every time", "every single", "each time", "not once", "never once",
    "nobody", "no one", "none of you", "none of them", "constantly", "all the time",
    "over and over", "again and again", "each and every", "not a single", "not one",
    "every day", "every week", "every meeting", "not ever", "forever", "anything", "everything",
]

# Imperatives that aim a charge at the listener without saying "you": "Stop ignoring my emails."
IMPERATIVES = ["stop", "quit", "please stop", "just stop", "don't you dare", "you need to stop"]

# Passives with a hidden agent: "the report was buried", "we were stonewalled".
PASSIVE = [
    "{be} ({adverb}) ({adverb}) {charge_participle} !off/short/back/in/out/from/a_grade/by_the_bus",
    "nothing {be} (ever/really/actually) done/fixed/addressed/changed/implemented/followed/delivered/enforced",
    "not a/one single/one phone_call/call/email/word/update/note/apology/explanation/response/reply/letter",
    "not one phone_call/call/email/word/update/note/apology/explanation/response/reply/letter",
    "not so much as a/an call/phone_call/email/word/update/note/apology/explanation",
    "without so much as a/an call/phone_call/email/word/update/note/apology/explanation",
    "no call, no email", "no calls, no emails", "no apology, no explanation",
    "nothing has/have/had (ever/really/actually) been done/fixed/addressed/changed/implemented/followed/delivered/enforced",
    "nothing in {possessive}/the iep/plan {be} (ever/really/actually) implemented/followed/delivered/done",
    "nothing in {possessive}/the/that/this iep/plan/report/agreement ... has/have/had (ever/really/actually) been done/implemented/followed/delivered/provided",
    "{be} ({adverb}) denied fape/services/an_education/access/his/her/the", "{be} ({adverb}) predetermined",
    "{be} ({adverb}) babysat/warehoused/retaliated_against/discriminated_against/singled_out/railroaded",
    "{be} already decided/made/predetermined before",
    "{be} ({adverb}) cut !short/back/off/out/in/into/down/to/from_the_budget",
    "~be done being",
    "not a word/peep !about/of/from/in/on/to", "not one word !about/of/from/in/on/to", "nothing back", "radio silence", "crickets",
    "got/get/heard/received nothing back", "never heard back/anything_back",
    "on paper only", "only on paper", "just on paper", "~exist only on paper", "only ~exist on paper",
    "{be} ({adverb}) filled_in/filled_out/made_up/written/backdated/altered/changed/edited/completed/updated/entered/done after the fact",
    "{be} (already) written/decided/drafted/finalized/filled_out/typed_up/done/completed/made/predetermined/signed before we/i/the_parents/my_client/anyone (ever/even) met/arrived/got/walked/came/sat/had/saw/were/said/spoke/showed",
    "~have to find out/it/about", "~have to hear it/about/from/through/on", "~have to learn about/from/through/on",
    "~find out/about_it from him/her/my_son/my_daughter/our_son/our_daughter/another/other/the_kids/facebook/the_news/social_media/a_friend/a_neighbor/the_bus_driver/the_sub/the_substitute/his_friend/her_friend/a_classmate",
    "no ... was/were/has_been/have_been/had_been ever/even {duty_participle}",
    "{be} (only/just/finally) handed/given/sent/shown/emailed ... the morning/afternoon/night/day of",
    "~ask (for) ... two/three/four/five/six/seven/eight/nine/ten/multiple/several/many/countless/repeated/a_dozen/a_million/so_many times",
    "~send/~email/~call/~text/~leave ... three/four/five/six/seven/eight/nine/ten/a_dozen/multiple/several/countless/so_many times/notes/emails/messages/voicemails/letters/reminders",
    "~have to beg/chase/fight/hound/badger/nag", "just to get a/an/one/any/a_single (straight) answer/response/reply/callback/meeting",
    "~have to email/call/ask/text/contact ... people/times to get",
    "before/until anyone/anybody/somebody/someone (even/ever/finally) ~bother/~think/~notice/~call/~tell/~check/~look/~respond/~reply/~answer/~step/~do",
    "~sit in a/the box/closet/drawer/cabinet/storage/inbox", "~sit unused/untouched/unopened/unread/on_a_shelf/on_someone's_desk/in_an_inbox",
    "only ~show up/~exist/~appear/~happen in writing/on_paper/in_the_iep/in_meetings", "never in the classroom/practice/real_life",
    "{be} (all/just) copied word for word", "copied verbatim", "word for word from",
    "~get/~receive (nothing_but/only/more/just) excuses/silence/the_runaround/a_shrug/crickets",
    "{be} met with silence/nothing/excuses/a_shrug/hostility/resistance/delay/delays",
    "decision/decisions/placement/outcome/everything/it_all/minds have/has/had/were/was/are/is (all) already (been) made/decided/finalized/determined/settled/set",
    "~come/~go home blank/empty/unsigned/untouched/unopened/unread",
    "identical to last year's/the_last/the_old/the_previous", "down to the typos", "the same typos",
    "i/we was/were/had_been promised ... and/but i've/we've/i/we (only/never/still) gotten/got/received/seen/had",
    "~find out ... from a/the/his/her/my/another bruise/bruises/mark/marks/scratches/arm/body/backpack/friend/classmate/neighbor/parent/sub/substitute/bus_driver/news/facebook/portal",
]
# Passives of a duty, negated: "services were never delivered", "we were never told".
PASSIVE_FAILURE = [
    "wasn't/weren't/isn't/aren't/ain't ({adverb}) (even/ever/once/actually/properly/fully/consistently/really) {duty_participle}",
    "was/were/is/are/am/been/get/got/gets not/never (even/ever/once/actually/properly/fully/consistently/really) {duty_participle}",
    "hasn't/haven't/hadn't (ever/even/once) been (even/ever/once/actually/properly/fully/consistently) {duty_participle}",
    "has/have/had not/never (ever/even/once) been (even/ever/once/actually/properly/fully/consistently) {duty_participle}",
    "never (once) been/got/get/gets/was/were (even/ever/actually/properly/fully/consistently) {duty_participle}",
    "never even got/get/gets/was/were/been {duty_participle}",
]
# ---------------------------------------------------------------------------------------------
# Grammar: small word lists the engine uses to read a sentence.
# ---------------------------------------------------------------------------------------------

# Words that may stand before a party noun ("the school", "this whole team").
DETERMINERS = [
    "the", "this", "that", "your", "their", "our", "my", "his", "her", "these", "those", "whole",
    "entire", "school", "sped", "special", "iep", "district's", "school's", "a", "an", "every",
    "any",
]
# After these, a party is an object, not the one acting ("talk to the teacher").
PREPOSITIONS = [
    "to", "at", "in", "from", "after", "before", "for", "of", "about", "with", "into", "on", "by",
    "than", "toward", "towards", "against", "over", "under", "between", "among", "through",
    "without", "around", "near", "onto", "upon", "within",
]
# ... except these, which can also open a clause with a subject: "after you lost his file".
CONJUNCTIONS = ["after", "before", "since", "until", "once", "as", "than"]
SUBJECT_PRONOUNS = ["you", "they", "we", "i", "he", "she", "y'all", "you're", "they're", "u"]
# After "it" / "this" / "that", these show a subject ("it was late"), not an object.
AUXILIARIES = [
    "is", "was", "isn't", "wasn't", "has", "had", "hasn't", "hadn't", "will", "would", "won't",
    "wouldn't", "can", "can't", "could", "couldn't", "should", "does", "did", "doesn't", "didn't",
    "gets", "got", "keeps", "kept", "seems", "seemed", "feels", "felt", "looks", "looked", "just",
    "really", "never", "always", "also", "still", "makes", "made", "took", "takes", "went", "goes",
    "happened", "happens", "must", "may", "might",
]
# After a noun like "the aide", these show that the aide is acting, so it is a person here and
# not the subject matter of a suggestion ("the aide never came").
SUBJECT_FOLLOWERS = [
    "is", "was", "are", "were", "never", "barely", "always", "keeps", "kept", "said", "says",
    "just", "has", "have", "had", "won't", "didn't", "doesn't", "don't", "refused", "refuses",
    "ignored", "ignores", "lied", "lies",
]
# A party right after one of these (and a determiner) is acted on, not acting: "the parents
# recorded my teachers", "I told the aide". Words ending in -ed count as such verbs, except these.
NOT_VERBS_ED = [
    "need", "needed", "indeed", "based", "concerned", "worried", "frustrated", "scared", "tired",
    "surprised", "upset", "assigned", "trained", "qualified", "certified", "licensed",
    "experienced", "dedicated", "supposed", "used", "united", "detailed", "limited",
    "related", "advanced", "skilled", "talented", "proposed", "revised", "updated", "shared",
    "combined", "expanded", "preferred", "required", "continued", "repeated", "increased",
    "reduced", "named", "listed", "signed", "called", "scheduled",
]
# After these, a party is acted on but also acts ("I watched the district spend..."): no object.
SMALL_CLAUSE_VERBS = ["watched", "watch", "saw", "see", "seen", "heard", "hear", "noticed", "notice",
                      "let", "lets", "made", "make", "makes", "had", "have", "has", "helped", "help",
                      "watching", "seeing", "hearing", "letting", "making", "having"]
TRANSITIVE_PAST = [
    "emails", "calls", "texts", "tells", "asks", "sends", "blames", "ignores", "accuses",
    "told", "saw", "met", "sent", "gave", "let", "made", "took", "brought", "left", "got",
    "heard", "hit", "found", "thank", "tell", "ask", "email", "text", "meet", "see", "send",
    "call", "taught", "caught", "paid", "kept", "thanked",
]
# Pronoun parties that cannot be the antecedent of "he" / "she".
PRONOUN_PARTIES = [
    "they", "they're", "they've", "they'd", "they'll", "their", "theirs", "somebody", "someone",
    "anybody", "anyone", "nobody", "everyone", "everybody", "people",
]
# Between praise and a sour word, these show the sentence is about the child: "great job, he
# finally read a book" is sincere.
CHILD_SUBJECTS = ["he", "she", "he's", "she's", "kids", "students", "it"]
# Negations written without an apostrophe.
BARE_NEGATIONS = [
    "not", "dont", "didnt", "doesnt", "wont", "cant", "isnt", "arent", "wasnt", "werent",
    "havent", "hasnt", "hadnt", "couldnt", "wouldnt",
]
# Words allowed before "why" at the start of an accusing question ("So why do you keep...").
QUESTION_LEAD_INS = [
    "so", "and", "but", "then", "honestly", "seriously", "like", "ok", "okay", "well", "again",
    "also", "just", "um", "oh", "really", "tell", "me", "please",
]
# Words allowed before an imperative at the start of a clause ("Please stop ignoring...").
IMPERATIVE_LEAD_INS = ["please", "just", "so", "and", "now", "oh"]
# Passives that blame only when a service is what got cut ("his minutes were cut", not "the
# budget was cut at the state level"), and the words that make it a service besides TOPICS.
SERVICE_PASSIVE_VERBS = ["cut", "dropped", "reduced", "removed", "pulled"]
SERVICE_WORDS = ["hours", "time", "days", "visits", "iep", "help"]
# Ways a parent names the child, and parties whose things may be a topic ("the district's data").
CHILD_NOUNS = ["son", "daughter", "child", "kid", "boy", "girl"]
TOPIC_OWNERS = ["district", "school", "team", "teacher", "aide", "parents", "family", "advocate",
                "mom", "dad", "mother", "father", "guardian", "leadership", "admin",
                "administration", "administrator", "administrators", "superintendent", "director",
                "coordinator", "psychologist", "counselor", "para", "paraprofessional", "driver",
                "bus driver", "slp", "board", "staff member", "co-teacher", "specialist",
                "parent", "case manager", "principal", "therapist", "nurse", "evaluator", "client",
                "office", "department", "staff", "teachers", "counsel", "attorney", "lawyer"]
# Topics that make sense without "the" ("speech matters to you"), topics that need a "the" or a
# modifier to be a topic at all ("for thirty minutes" is not about the service minutes), and how
# abbreviations are written back.
BARE_TOPICS = [
    "speech", "therapy", "reading", "math", "homework", "transportation", "counseling",
    "tutoring", "instruction", "ot", "pt", "esy", "medication", "attendance", "safety",
    "bullying", "communication", "input", "support", "services", "data", "paperwork", "testing",
    "accommodations", "modifications", "updates", "progress", "behavior", "behaviour", "learning",
    "teaching", "education", "writing", "spelling", "handwriting", "focus", "attention", "anxiety",
    "mediation", "information", "evidence", "proof",
    "documentation", "recess", "lunch", "breakfast", "mainstreaming", "graduation", "dismissal",
]
TOPICS_NEEDING_CONTEXT = [
    "minutes", "plan", "program", "class", "support", "call", "calls", "notice", "input",
    "record", "file", "notes", "log", "update", "answer", "answers", "response", "process",
    "decision", "group", "concern", "concerns", "transition", "route", "tech", "dose",
    "recording", "incident", "incidents", "observation", "feedback", "breaks",
    # nouns that are verbs too ("the district continues to schedule meetings", "they email the
    # superintendent"): a topic only with a determiner or a modifier
    "change", "changes", "test", "tests", "schedule", "email", "message", "text", "report",
    "request", "form", "meeting", "quiz", "session", "service", "goal", "draft", "letter",
    "reading", "help", "offer", "needs", "experience", "rules", "rule", "law", "hearing",
    "complaint", "details", "ideas", "judgment", "views", "approach", "scores",
    "classes", "writing", "focus", "attention", "policy", "feelings", "resources", "learning",
    "phone", "room", "work", "grade", "responsibility", "accommodation", "subject", "subjects",
    "transfer", "date", "dates", "app",
]
# When no topic from TOPICS is found, the noun phrase after the charge ("disregarded the
# parents' input") or after one of these is used, if it passes TOPIC_STOPWORDS.
TOPIC_PREPOSITIONS = ["about", "regarding", "concerning", "on", "over", "around", "with", "for"]
# Words after which a noun phrase is over (besides prepositions and auxiliaries).
TOPIC_PHRASE_ENDERS = [
    "and", "or", "but", "so", "because", "since", "while", "when", "until", "that", "which", "who",
    "i", "we", "you", "he", "she", "they", "it", "me", "us", "him", "her", "them", "again",
    "too", "yet", "now", "then", "either", "anymore", "already", "ever", "at", "all", "like",
    "are", "were", "have", "do", "don't", "didn't", "isn't", "aren't", "wasn't", "weren't",
    "either", "even", "just", "only", "still", "altogether", "entirely", "completely",
    "today", "yesterday", "this", "last", "every", "each", "for", "from", "with", "without",
    "twice", "once", "tonight", "lately", "recently", "always", "never", "anyway", "instead",
    "again", "either", "too",
]
# More of the people at school a statement may name without making them act ("she screamed at
# the receptionist"): a reframe may name them as a party (suggestions._named_party).
PEOPLE_PARTIES = ["receptionist", "secretary", "janitor", "custodian", "coach", "officer",
                  "clerk", "volunteer", "substitute", "sub", "boss", "official", "officials"]
# Words that end a noun phrase, or make it no topic at all: pronouns, people, time, numbers,
# vague nouns and little words.
TOPIC_STOPWORDS = [
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "they",
    "them", "their", "it", "its", "this", "that", "these", "those", "who", "whom", "what",
    "which", "where", "when", "why", "how", "there", "here", "a", "an", "the", "and", "or",
    "but", "so", "if", "then", "than", "as", "of", "to", "in", "on", "at", "by", "for", "from",
    "with", "without", "about", "into", "onto", "over", "under", "after", "before", "since",
    "until", "while", "because", "is", "are", "was", "were", "be", "been", "being", "am", "has",
    "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may",
    "might", "must", "not", "no", "never", "ever", "just", "even", "only", "also", "still",
    "again", "too", "very", "really", "all", "any", "some", "every", "each", "other", "another",
    "same", "more", "most", "much", "many", "few", "less", "least", "own", "such", "like",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "time", "times",
    "morning", "mornings", "afternoon", "evening", "night", "minute", "hour", "hours",
    "semester", "quarter", "today", "yesterday", "tomorrow", "now", "later", "ago", "once",
    "twice", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "fall", "spring", "summer", "winter", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "thirty", "forty", "fifty", "sixty", "ninety", "hundred", "first", "last", "next",
    "thing", "things", "stuff", "way", "ways", "lot", "lots", "part", "kind", "sort", "bit",
    "fact", "point", "reason", "end", "rest", "case", "matter", "issue", "issues", "problem",
    "problems", "situation", "anything", "everything", "nothing", "something", "someone",
    "anyone", "everyone", "nobody", "somebody", "anybody", "everybody", "people", "person",
    "son", "daughter", "child", "children", "kid", "kids", "boy", "girl", "student",
    "students", "parent", "parents", "mom", "dad", "mother", "father", "family", "teacher",
    "teachers", "aide", "aides", "staff", "team", "district", "school", "principal",
    "director", "advocate", "attorney", "lawyer", "counsel", "client", "manager", "nurse",
    "therapist", "psychologist", "evaluator", "office", "board", "administration", "sped",
    "room", "door", "face", "mouth", "head", "hands", "phone", "excuse", "excuses", "lie",
    "lies", "fault", "blame", "mistake", "mistakes", "joke", "record", "purpose", "faith",
    "writing", "paper", "word", "words", "line", "answer", "clock", "ball", "dark", "loop",
    "rug", "carpet", "bus", "goalposts", "runaround", "games", "game", "violation", "compliance",
    "depending", "wait", "look", "well", "out", "up", "down", "off", "back", "away", "through",
    "along", "around", "yet", "already", "both", "either", "neither", "whole", "entire",
    "single", "new", "old", "good", "bad", "great", "little", "big", "real", "sure", "clear",
    "obvious", "whatever", "apparently", "honestly", "literally", "basically", "actually",
    "lol", "tbh", "ok", "okay", "yeah", "sorry", "please", "thanks", "meeting", "meetings",
    "whenever", "wherever", "however", "instead", "against", "behind", "during", "across",
    "toward", "towards", "between", "among", "within", "upon", "wrong", "right", "idiots",
    "backwards", "forward", "criminal", "target", "books", "book", "hook", "plate", "table",
    "nose", "noses", "feathers", "straw", "insult", "injury", "world", "show", "trouble",
    "side", "position", "nerve", "audacity", "gall", "stuff", "hands", "shoes", "boat",
    "type", "types", "manner", "level", "amount", "number", "eggshells", "wheels", "game",
    "guy", "guys", "term", "terms", "woman", "man", "lady", "folks", "stooge", "union",
    "vapors", "vapours", "drama", "tooth", "nail", "window", "feces", "carpet", "brick",
    "newspaper", "newspapers", "press", "news", "media", "court", "judge", "lawsuit", "settlement", "anyway", "regardless", "swim", "damn", "crap",
    "hoot", "darn", "shit", "hell", "heck", "sake", "stop",
    # more people: a reframe speaks of what they do, not of them as a matter to sort out
    *PEOPLE_PARTIES, "police", "cop", "cops", "bully", "bullies", "colleague", "colleagues",
    "superiors", "employee", "employees",
    # the speaker's own family: never a matter to sort out with the other side
    "wife", "husband", "spouse", "partner", "sister", "brother", "grandmother", "grandfather",
    "grandma", "grandpa", "aunt", "uncle",
]
ACRONYMS = {
    "iep": "IEP", "ot": "OT", "pt": "PT", "fba": "FBA", "bip": "BIP", "iee": "IEE", "esy": "ESY",
    "slp": "SLP", "1:1": "1:1",
}

# ---------------------------------------------------------------------------------------------
# Suggestions: what the mediator can say instead.
# ---------------------------------------------------------------------------------------------

# Subject matter the suggestions keep. head noun -> family. Modifiers (TOPIC_MODIFIERS) may
# come before the head: "the speech minutes", "his OT sessions", "the outside evaluation".
TOPICS: dict[str, str] = {
    # keeping in touch
    "email": "contact", "emails": "contact", "e-mail": "contact", "e-mails": "contact",
    "message": "contact", "messages": "contact", "call": "contact", "calls": "contact",
    "phone calls": "contact", "voicemail": "contact", "voicemails": "contact",
    "letter": "contact", "letters": "contact", "updates": "contact", "update": "contact",
    "requests": "contact", "request": "contact",
    "communication": "contact", "texts": "contact", "notes": "contact", "notice": "contact",
    "input": "voice", "opinion": "voice", "opinions": "voice", "voice": "voice",
    "perspective": "voice", "concerns": "voice", "concern": "voice", "questions": "voice",
    # papers and information
    "report": "paper", "reports": "paper", "progress report": "paper", "draft": "paper",
    "iep": "service", "iep draft": "paper", "evaluation": "paper", "evaluations": "paper",
    "eval": "paper", "assessment": "paper", "assessments": "paper", "data": "paper",
    "data sheet": "paper", "data sheets": "paper", "records": "paper", "record": "paper",
    "file": "paper", "logs": "paper", "log": "paper", "consent form": "paper",
    "consent forms": "paper", "form": "paper", "forms": "paper", "paperwork": "paper",
    "neuropsych": "paper", "fba": "paper", "bip": "paper", "iee": "paper", "results": "paper",
    "scores": "paper", "testing": "paper", "incident report": "paper",
    "incident reports": "paper", "agenda": "paper", "folder": "paper", "documents": "paper",
    "notes home": "paper", "daily log": "paper", "prior written notice": "paper",
    # services and supports
    "services": "service", "service": "service", "speech": "service", "therapy": "service",
    "minutes": "service", "sessions": "service", "session": "service", "program": "service",
    "intervention": "service", "interventions": "service", "aide": "service",
    "para": "service", "support": "service", "supports": "service",
    "accommodations": "service", "modifications": "service", "behavior plan": "service",
    "transition plan": "service", "plan": "service", "goals": "service", "goal": "service",
    "placement": "decision", "tutoring": "service", "instruction": "service",
    "class": "service", "classroom": "service", "counseling": "service", "esy": "service",
    "summer school": "service", "device": "service", "assistive technology": "service",
    "ot": "service", "pt": "service", "reading": "service", "math": "service",
    "homework": "service", "medication": "service", "schedule": "service",
    # getting there and being there
    "bus": "logistics", "bus route": "logistics", "transportation": "logistics",
    "meeting": "logistics", "meetings": "logistics", "pickup": "logistics",
    "drop-off": "logistics", "attendance": "logistics", "field trip": "logistics",
    "recess": "logistics", "lunch": "logistics", "breakfast": "logistics", "breaks": "logistics",
    "sensory break": "logistics", "sensory breaks": "logistics", "school day": "logistics",
    "timeline": "logistics", "deadline": "logistics", "process": "logistics",
    "transition": "logistics", "suspension": "logistics", "suspensions": "logistics",
    "discipline": "logistics", "observation": "logistics", "schedule change": "logistics",
    "portal": "logistics", "route": "logistics", "bus stop": "logistics", "hallway": "logistics",
    "resource room": "logistics", "test": "paper", "tests": "paper", "quiz": "paper",
    # more papers, contact and services
    "phone call": "contact",
    "answer": "contact", "answers": "contact", "response": "contact", "feedback": "contact",
    "proposal": "decision", "proposals": "decision", "recommendation": "decision",
    "recommendations": "decision", "decision": "decision", "decisions": "decision",
    "eligibility": "decision", "grades": "paper", "report card": "paper",
    "reading log": "paper",
    "communication log": "paper", "audio recording": "paper", "recording": "paper",
    "procedural safeguards": "paper", "safeguards": "paper",
    "assistive tech": "service", "tech": "service", "laptop": "service", "glasses": "service",
    "hearing aids": "service", "meds": "service", "dose": "service", "seizure plan": "safety",
    "one-to-one": "service", "inclusion": "service", "iep meeting": "logistics",
    "manifestation meeting": "logistics", "social skills group": "service", "group": "service",
    # safety
    "restraint": "safety", "restraints": "safety", "seclusion": "safety", "bullying": "safety",
    "safety": "safety", "injury": "safety", "injuries": "safety", "bruises": "safety",
    "scratches": "safety", "allergy": "safety", "incident": "safety", "incidents": "safety",
    "supervision": "safety", "accident": "safety", "accidents": "safety", "seizures": "safety",
    "meltdown": "safety", "meltdowns": "safety",
    # anything else the statement is about (the suggestions keep it general)
    "budget": "money", "funding": "money", "money": "money", "cost": "money", "costs": "money",
    "budgets": "money", "expense": "money", "dollars": "money", "funds": "money", "change": "other", "changes": "other",

    "staffing": "other", "training": "other", "surgery": "other", "option": "other",
    "options": "other", "agreement": "paper", "schedules": "logistics", "commitment": "other",
    "commitments": "other",
    # the child's learning and needs, and how the school works
    "progress": "learning", "behavior": "learning", "behaviour": "learning",
    "needs": "service", "struggles": "learning", "learning": "learning", "teaching": "learning",
    "education": "learning", "help": "service", "resources": "service", "assignments": "learning",
    "classwork": "learning", "writing": "learning", "spelling": "learning", "handwriting": "learning",
    "focus": "learning", "attention": "learning", "anxiety": "safety", "policy": "other", "policies": "other", "rules": "other",
    "rule": "other", "law": "other", "rights": "other", "procedures": "other", "procedure": "other",
    "mediation": "logistics", "hearing": "logistics", "complaint": "paper", "offer": "decision",
    "explanation": "contact", "reasons": "contact", "reasoning": "contact", "information": "paper",
    "details": "paper", "evidence": "paper", "proof": "paper", "documentation": "paper",
    "ideas": "voice", "suggestions": "voice", "experience": "voice", "expertise": "voice",
    "knowledge": "voice", "judgment": "voice", "qualifications": "other", "training needs": "other",
    "feelings": "voice", "views": "voice", "expectations": "other", "approach": "other",
    "test scores": "paper", "classes": "service",
    "accommodation": "service", "phone": "contact", "responsibility": "other",
    "grade": "paper", "grading": "paper", "room": "logistics", "work": "service",
    # school life beyond the IEP: what a complaint is often about
    "complaints": "other", "lesson": "learning", "lessons": "learning", "exam": "learning",
    "exams": "learning", "worksheet": "learning", "worksheets": "learning",
    "assignment": "learning", "project": "learning", "projects": "learning",
    "presentation": "learning", "curriculum": "learning", "elective": "learning",
    "electives": "learning", "transcript": "paper", "transcripts": "paper", "diploma": "learning",
    "fundraiser": "other", "fundraisers": "other", "field trips": "logistics", "trip": "logistics", "trips": "logistics",
    "legislation": "other", "conference": "decision", "conferences": "decision",
    "workshop": "other", "caseload": "service", "handbook": "paper", "contract": "paper",
    "contracts": "paper", "referral": "service", "referrals": "service", "screening": "service",
    "screenings": "service", "diagnosis": "service", "diagnoses": "service",
    "detention": "other", "detentions": "other", "expulsion": "other", "absence": "logistics",
    "absences": "logistics", "tardies": "logistics", "rewards": "other", "consequences": "other",
    "seating": "logistics", "desk": "logistics", "uniform": "other", "uniforms": "other",
    "tablet": "other", "website": "contact", "survey": "other", "notebook": "paper",
    "binder": "paper", "medications": "safety", "clinic": "safety", "doctor": "safety",
    "appointment": "logistics", "appointments": "logistics", "camp": "other", "club": "other",
    "clubs": "other", "sports": "other", "concert": "other", "recital": "other",
    "mentality": "other", "mess": "other",
    # more of school life: what a complaint names when it names no IEP service (no conditions:
    # "how ADHD is going" is no way to speak of a child; no words as often verbs: "pay", "fight";
    # no one-word "service" family here: those words are also SERVICE_WORDS, which detection reads)
    "skills": "learning", "subject": "learning", "subjects": "learning", "lecture": "learning",
    "lectures": "learning", "textbook": "learning", "textbooks": "learning", "credits": "learning",
    "graduation": "learning", "vocabulary": "learning", "friendships": "learning",
    "mainstreaming": "learning", "504 plan": "service",
    "daycare": "logistics", "dismissal": "logistics", "arrival": "logistics",
    "cafeteria": "logistics", "lunchroom": "logistics", "playground": "logistics",
    "gym": "logistics", "locker": "logistics", "bathroom": "logistics", "enrollment": "logistics",
    "registration": "logistics", "calendar": "logistics", "date": "logistics", "dates": "logistics",
    "waitlist": "logistics", "transfer": "logistics", "start time": "logistics",
    "hospital": "safety", "ambulance": "safety", "pill": "safety", "pills": "safety",
    "medicine": "safety", "epipen": "safety", "allergies": "safety", "duct tape": "safety",
    "handcuffs": "safety", "document": "paper", "summary": "paper", "findings": "paper",
    "signature": "paper", "newsletter": "contact", "app": "contact",
    "salary": "money", "salaries": "money", "furlough days": "money",
    "union": "other", "economy": "other", "laws": "other", "standards": "other",
    "priorities": "other", "agencies": "other", "agency": "other",
}
TOPIC_MODIFIERS = [
    "speech", "reading", "ot", "pt", "behavior", "behaviour", "progress", "transition",
    "service", "one-to-one", "1:1", "outside", "independent", "new", "last", "latest", "full",
    "weekly", "daily", "monthly", "iep", "math", "writing", "data", "consent", "incident",
    "phone", "school", "home", "summer", "resource", "social", "counseling", "sensory",
    "assistive", "private", "neuropsych", "evaluation", "speech-language", "occupational",
    "physical", "therapy", "language", "written", "annual", "draft", "bus", "safety",
    "dyslexia", "reading intervention", "literacy", "fluency", "aide", "para", "nursing",
    "special", "education", "special education", "sped", "functional", "behavioral",
    "psychological", "educational", "reevaluation", "triennial", "old", "current", "first",
    "second", "original", "revised", "restraint", "seclusion", "bus", "sensory", "manifestation",
    "peanut", "food", "seizure", "residential", "private", "audio", "scheduling", "communication",
    "reading", "social skills", "entire", "whole", "work", "written",
]
# Plural forms, for "every email I send" -> "your emails".
TOPIC_PLURALS = {
    "email": "emails", "e-mail": "e-mails", "call": "calls", "message": "messages",
    "letter": "letters", "update": "updates", "request": "requests", "report": "reports",
    "form": "forms", "meeting": "meetings", "session": "sessions", "note": "notes",
}
# A topic with these modifiers is in the past and makes a poor subject to look ahead on.
PAST_MODIFIERS = ["last", "previous", "first", "old"]
PAST_SENSITIVE_HEADS = ["meeting", "meetings", "session", "sessions"]

# Topics named with these words are the child's; the student's name can replace them.
CHILD_POSSESSIVES = ["his", "her", "their"]
# The speaker's words, as the mediator says them back.
PRONOUN_SWAP = {
    "my": "your", "our": "your", "mine": "yours", "your": "the", "their": "the",
    "this": "the", "that": "the", "these": "the", "those": "the",
}
# Ways the speaker names the child, as the mediator says them back.
CHILD_SWAP = {
    "my son": "your son", "our son": "your son", "my daughter": "your daughter",
    "our daughter": "your daughter", "my child": "your child", "our child": "your child",
    "my kid": "your child", "our kid": "your child", "my boy": "your son", "my girl": "your daughter",
}

# The order the moves are offered in: blame to concern, past to future, position to interest.
MOVES = ["concern", "future", "interest"]

# Reframes: move -> family -> variants (one is picked per statement, so that the same words
# do not come back for every statement). Families are the topic families of TOPICS and:
#   party  no subject matter, but a named party ("the advocate", "the district", "the parents")
#   need   nothing named at all: the need under the kind of charge (NEEDS below)
# Placeholders: {topic} the subject matter in the speaker's words ("your emails"), {party} the
# party as named, {need} the need's phrase, {for_child} " for Leo" (or "for your son", or
# nothing), {about_child} " about Leo", {child_or_student} the child ("Leo", "your son", else
# "the student") and {child_or_everyone} (else "everyone").
# A family's "school" entry, when there is one, is for a speaker on the school side.
REFRAMES: dict[str, dict[str, dict[str, list[str]]]] = {
    "concern": {
        "contact": {
            "family": ["Hearing back about {topic} matters a lot to you.",
                       "Clear, timely answers about {topic} matter a lot to you.",
                       "Staying in the loop on {topic} is important to you."],
            "school": ["Clear, two-way contact about {topic} matters a lot to you.",
                       "Being able to talk things through about {topic} is important to you."],
        },
        "paper": {
            "family": ["Having {topic} clear and complete matters a lot to you.",
                       "Seeing {topic} in full, in good time, is important to you.",
                       "Being able to rely on {topic} matters a lot to you."],
            "school": ["Having {topic} clear and shared in good time matters a lot to you.",
                       "Being able to work from {topic} together is important to you."],
        },
        "service": {
            "family": ["Getting {topic} right{for_child} matters a lot to you.",
                       "Having {topic} in place{for_child} is important to you.",
                       "Knowing {topic} {be} working{for_child} matters a lot to you."],
            "school": ["Making {topic} work{for_child} matters a lot to you.",
                       "Giving {topic} a real chance to work{for_child} is important to you."],
        },
        "logistics": {
            "family": ["Having {topic} go smoothly{for_child} matters a lot to you.",
                       "Being able to count on {topic} is important to you."],
            "school": ["Having {topic} go smoothly for everyone matters a lot to you.",
                       "A shared plan for {topic} is important to you."],
        },
        "safety": {
            "family": ["Knowing {child_or_everyone} is safe around {topic} matters a lot to you.",
                       "Being told promptly and fully about {topic} is important to you."],
            "school": ["Keeping everyone safe around {topic} matters a lot to you.",
                       "A shared, clear plan for {topic} is important to you."],
        },
        "money": {
            "family": ["Knowing {topic} {be} not the deciding factor{for_child} matters a lot to you.",
                       "Decisions made on need{for_child}, whatever {topic}, are important to you."],
            "school": ["Balancing {topic} with what each student needs is important to you.",
                       "Being open about {topic} matters a lot to you."],
        },
        "learning": {
            "family": ["How {topic} {be} going{for_child} matters a lot to you.",
                       "Seeing {topic} move forward{for_child} is important to you."],
            "school": ["How {topic} {be} going{for_child} matters a lot to you.",
                       "Finding what helps {topic}{for_child} is important to you."],
        },
        "decision": {
            "family": ["Having a real say in {topic}{for_child} matters a lot to you.",
                       "Being part of {topic}{for_child} is important to you."],
            "school": ["Reaching {topic} together matters a lot to you.",
                       "A shared understanding of {topic} is important to you."],
        },
        "voice": {
            "family": ["Having {topic} heard and taken seriously matters a lot to you.",
                       "Knowing {topic} will count in the decisions is important to you."],
            "school": ["Having {topic} heard too matters a lot to you.",
                       "Knowing {topic} will be weighed fairly is important to you."],
        },
        "other": {
            "family": ["Getting {topic} sorted out{for_child} matters a lot to you.",
                       "{topic} {be} clearly important to you.",
                       "Clarity about {topic} matters a lot to you."],
            "school": ["Finding a workable way on {topic} matters a lot to you.",
                       "Getting {topic} on a good footing is important to you."],
        },
        "party": {
            "family": ["A working relationship with {party} you can rely on matters a lot to you.",
                       "Being able to trust {party} is important to you.",
                       "Being on the same page as {party}{about_child} matters a lot to you.",
                       "Good communication with {party} is important to you."],
            "school": ["A good working relationship with {party} matters a lot to you.",
                       "Working with {party} as partners is important to you.",
                       "Being on the same page as {party}{about_child} matters a lot to you.",
                       "Clear, calm communication with {party} is important to you."],
        },
        "need": {
            "family": ["{need} matters a lot to you.", "{need} is important to you."],
        },
    },
    "future": {
        "contact": {
            "family": ["What would a good way to stay in touch about {topic} look like from here on?",
                       "From now on, how would you like to hear about {topic}?"],
            "school": ["What would help the conversation about {topic} go well from here on?",
                       "Going forward, what way of talking about {topic} would work for you?"],
        },
        "paper": {
            "family": ["From now on, what would help you feel confident about {topic}?",
                       "Going forward, when and how would you like to see {topic}?"],
            "school": ["Going forward, how could everyone look at {topic} together?",
                       "What would help {topic} be shared and understood from here on?"],
        },
        "service": {
            "family": ["Looking ahead, what would make {topic} work well{for_child}?",
                       "What would {topic} need to look like from here on{for_child}?"],
            "school": ["Looking ahead, what would help {topic} work{for_child}?",
                       "What would give {topic} the best chance from here on?"],
        },
        "logistics": {
            "family": ["Looking ahead, what would make {topic} work better{for_child}?",
                       "What would help {topic} go well from now on?"],
            "school": ["Looking ahead, what plan for {topic} would work for everyone?",
                       "What would help {topic} go more smoothly from here on?"],
        },
        "safety": {
            "family": ["What would help you feel sure about safety around {topic} from here on?",
                       "Going forward, how would you like to be told about {topic}?"],
            "school": ["What plan for {topic} would help keep everyone safe from here on?"],
        },
        "money": {
            "family": ["Going forward, what would help you see how {topic} and need are weighed?",
                       "What would make decisions about {topic} feel fair to you from here on?"],
            "school": ["Going forward, how could {topic} be discussed openly?"],
        },
        "learning": {
            "family": ["Looking ahead, what would help {topic}{for_child}?",
                       "From here on, what would support {topic}{for_child}?"],
            "school": ["Looking ahead, what would help {topic}{for_child}?",
                       "From here on, what could home and school each do for {topic}{for_child}?"],
        },
        "decision": {
            "family": ["Going forward, how could you take part in {topic}?",
                       "What would a good way to reach {topic} together look like from here on?"],
            "school": ["Going forward, how could everyone reach {topic} together?"],
        },
        "voice": {
            "family": ["From now on, what would show you that {topic} counts?",
                       "Going forward, how could {topic} be part of each decision?"],
            "school": ["Going forward, how could {topic} be part of the discussion?"],
        },
        "other": {
            "family": ["Looking ahead, what would you like to see happen with {topic}?",
                       "From here on, what would make {topic} work for you?"],
            "school": ["Looking ahead, what would a workable approach to {topic} be?",
                       "From here on, what would help with {topic}?"],
        },
        "party": {
            "family": ["What would help you and {party} work through this together from here on?",
                       "Going forward, what would you need from {party} to move ahead?",
                       "From here on, what would a good next step with {party} be{for_child}?",
                       "Looking ahead, what could you and {party} agree on first?"],
            "school": ["What would help you and {party} work through this together from here on?",
                       "Going forward, what would help you and {party} find common ground?",
                       "From here on, what would a good next step with {party} be{for_child}?",
                       "Looking ahead, what could you and {party} agree on first?"],
        },
        "need": {
            "family": ["Looking ahead, {need_question}"],
        },
    },
    "interest": {
        "contact": {
            "family": ["What would staying in close touch about {topic} make possible{for_child}?",
                       "What do you most need to know about {topic}{for_child}?"],
            "school": ["What would a steady exchange about {topic} make possible{for_child}?"],
        },
        "paper": {
            "family": ["Can you say more about what {topic} would help you understand{about_child}?",
                       "What do you most want {topic} to show{about_child}?"],
            "school": ["What do you most want everyone to take from {topic}{about_child}?",
                       "Can you say more about what you see in {topic}{about_child}?"],
        },
        "service": {
            "family": ["Can you say more about what {topic} would make possible{for_child}?",
                       "What difference would {topic} make{for_child}?"],
            "school": ["What would {topic} working well look like{for_child}?",
                       "Can you say more about what you hope {topic} can do{for_child}?"],
        },
        "logistics": {
            "family": ["What matters most to you about {topic}{for_child}?",
                       "What would a good day{for_child} look like, as far as {topic} goes?"],
            "school": ["What matters most to you about {topic}{for_child}?"],
        },
        "safety": {
            "family": ["What would help you feel sure about how {topic} {be} handled{for_child}?"],
            "school": ["What matters most to you in how {topic} {be} handled{for_child}?"],
        },
        "money": {
            "family": ["What would you most want weighed alongside {topic}{for_child}?",
                       "What matters most to you{for_child}, apart from {topic}?"],
            "school": ["What would you most like weighed alongside {topic}{for_child}?"],
        },
        "learning": {
            "family": ["What would you like {topic} to look like{for_child}?",
                       "What matters most to you about {topic}{for_child}?"],
            "school": ["What would you like {topic} to look like{for_child}?",
                       "What matters most to you about {topic}{for_child}?"],
        },
        "decision": {
            "family": ["What matters most to you in {topic}{for_child}?",
                       "What would you want weighed in {topic}{for_child}?"],
            "school": ["What matters most to you in {topic}{for_child}?"],
        },
        "voice": {
            "family": ["What part of {topic} matters most to you{for_child}?",
                       "Can you say more about {topic}{for_child}?"],
            "school": ["What part of {topic} matters most to you{for_child}?"],
        },
        "other": {
            "family": ["What would a good outcome on {topic} look like{for_child}?",
                       "Can you say more about what matters most to you about {topic}?"],
            "school": ["What would a good outcome on {topic} look like{for_child}?",
                       "What matters most to you about {topic}{for_child}?"],
        },
        "party": {
            "family": ["What would you most want {party} to understand{about_child}?",
                       "What do you need {party} to hear most{about_child}?",
                       "What do you think matters most to {party}{about_child}?",
                       "What would you like {party} to know{about_child}?"],
            "school": ["What would you most want {party} to understand{about_child}?",
                       "What do you hope {party} will take from this{about_child}?",
                       "What do you think matters most to {party}{about_child}?",
                       "What would you like {party} to know{about_child}?"],
        },
        "need": {
            "family": ["{need_interest}"],
        },
    },
}
# What a charge with no subject matter asks for: need -> move -> variants. {from_party} is
# " from the district" (the party as named, or nothing), {with_party} " with the district".
# NEED_WORDS maps the first letters of a charge word to its need; the first match wins.
NEEDS: dict[str, dict[str, list[str]]] = {
    "honesty": {
        "concern": ["Being able to trust what you are told{from_party} matters a lot to you.",
                    "Straight, complete answers{from_party} matter a lot to you.",
                    "Honest, complete answers{from_party} matter a lot to you.",
                    "Knowing you have the whole picture is important to you."],
        "future": ["Looking ahead, what would help you feel confident in what you hear{from_party}?",
                   "From here on, what would help you feel you are getting the whole story?",
                   "Going forward, what would make it easier to rely on what is said here?"],
        "interest": ["What would it take for you to feel you have the full picture{about_child}?",
                     "What would help you trust what you hear{about_child}?",
                     "What do you most need to know{about_child}?"],
    },
    "heard": {
        "concern": ["Being heard and included{by_party} matters a lot to you.",
                    "Having your view count in the decisions is important to you.",
                    "Being taken seriously{by_party} matters a lot to you.",
                    "Having your words taken seriously matters a lot to you."],
        "future": ["Looking ahead, what would being part of the decisions look like for you?",
                   "From here on, what would show you that you have been heard?",
                   "Going forward, how could your view be part of each step?"],
        "interest": ["What would you most want understood{about_child}?",
                     "What is the one thing you most want heard{about_child}?",
                     "What would being heard make possible{for_child}?"],
    },
    "pace": {
        "concern": ["Seeing things move forward matters a lot to you.",
                    "Not losing more time{for_child} is important to you.",
                    "Knowing when things will happen matters a lot to you.",
                    "Not having to wait any longer is important to you."],
        "future": ["Looking ahead, what timeline would feel workable to you?",
                   "From here on, what would help things keep moving?",
                   "Going forward, what first step would show progress to you?"],
        "interest": ["What would moving forward make possible{for_child}?",
                     "What is most urgent to you{for_child}?",
                     "What would you most like to see happen first{for_child}?"],
    },
    "respect": {
        "concern": ["Being treated with respect matters a lot to you.",
                    "Respectful conversations{with_party} are important to you.",
                    "Feeling respected in these meetings matters a lot to you."],
        "future": ["Looking ahead, what would a respectful way of working together look like?",
                   "From here on, what would help these conversations feel respectful?",
                   "Going forward, what would help you and everyone here talk things through?"],
        "interest": ["What would help you feel respected in these conversations{about_child}?",
                     "What would a good conversation about this look like{for_child}?",
                     "What do you most need from the people at this table{for_child}?"],
    },
    "cooperation": {
        "concern": ["Finding a way to work together{with_party} matters a lot to you.",
                    "Getting to a plan everyone can agree on is important to you.",
                    "Moving ahead together{with_party} matters a lot to you."],
        "future": ["Looking ahead, what would help everyone get to a plan they can agree on?",
                   "From here on, what would make it easier to agree{with_party}?",
                   "Going forward, what would a good first agreement be?"],
        "interest": ["What would you need to see to move ahead together{for_child}?",
                     "What do you think matters most to each side{for_child}?",
                     "What would an agreement need to include{for_child}?"],
    },
    "effort": {
        "concern": ["Seeing {child_or_student} engaged and making progress matters a lot to you.",
                    "Progress{for_child} you can see is important to you.",
                    "Finding what gets {child_or_student} going matters a lot to you.",
                    "Seeing effort on all sides matters a lot to you."],
        "future": ["Looking ahead, what has helped {child_or_student} get going when things went well?",
                   "From here on, what would help {child_or_student} take part more?",
                   "Going forward, what small step would show progress{for_child}?"],
        "interest": ["What would progress look like{for_child}?",
                     "What do you think is getting in the way{for_child}?",
                     "What would success this term look like{for_child}?"],
    },
    "fairness": {
        "concern": ["A fair process for everyone matters a lot to you.",
                    "Being treated fairly{by_party} is important to you.",
                    "Fairness in how decisions are made matters a lot to you."],
        "future": ["Looking ahead, what would make this feel fair to you?",
                   "From here on, what would a fair way of deciding look like?",
                   "Going forward, what would help everyone feel treated the same?"],
        "interest": ["What would a fair outcome look like{for_child}?",
                     "What would feel fair to you{for_child}?",
                     "What matters most to you in how this is decided{for_child}?"],
    },
    "process": {
        "concern": ["A fair, careful process matters a lot to you.",
                    "Having everything on the record, and done properly, is important to you.",
                    "Knowing your rights are respected matters a lot to you."],
        "future": ["Looking ahead, what would need to happen here for you to feel this is handled well?",
                   "From here on, what could be settled at this table?",
                   "Going forward, what would make further steps unnecessary?"],
        "interest": ["What outcome{for_child} would make further steps unnecessary?",
                     "What would a good result here look like{for_child}?",
                     "What do you most want this process to achieve{for_child}?"],
    },
    "care": {
        "concern": ["Knowing {child_or_student} comes first matters a lot to you.",
                    "Seeing real care for {child_or_student} is important to you.",
                    "Having {child_or_student} at the centre of this matters a lot to you."],
        "future": ["Looking ahead, what would show you that {child_or_student} comes first?",
                   "From here on, what would care for {child_or_student} look like day to day?",
                   "Going forward, what would help everyone keep {child_or_student} in view?"],
        "interest": ["What do you most want everyone here to keep in mind{about_child}?",
                     "What should everyone know{about_child}?",
                     "What does {child_or_student} need most right now?"],
    },
    "general": {
        "concern": ["Getting this right{for_child} matters a lot to you.",
                    "This is clearly important to you.",
                    "Sorting this out{for_child} matters a lot to you.",
                    "Finding a way through this{for_child} is important to you.",
                    "Getting to a good place{for_child} matters a lot to you.",
                    "A real solution{for_child} is important to you."],
        "future": ["Looking ahead, what would you like to see happen?",
                   "From here on, what would make the biggest difference?",
                   "Going forward, what would a good next step be?",
                   "What would you like things to look like from here on?",
                   "Looking ahead, what would help most?",
                   "From now on, what would you want to be different?"],
        "interest": ["Can you say more about what matters most to you{for_child}?",
                     "What would a good outcome look like{for_child}?",
                     "What is most important to you in this{for_child}?",
                     "What do you most hope comes out of this{for_child}?",
                     "What would make the biggest difference{for_child}?",
                     "What would you most like everyone here to understand{about_child}?"],
    },
}
# The same needs in the words of a speaker on the school side, where they differ.
NEEDS_SCHOOL: dict[str, dict[str, list[str]]] = {
    "cooperation": {
        "concern": ["Getting to a plan you can carry out together{with_party} matters a lot to you.",
                    "A shared way forward{with_party} is important to you.",
                    "Working as partners{with_party} matters a lot to you."],
        "future": ["Looking ahead, what would help you and the family agree on next steps?",
                   "From here on, what would make it easier to decide together{with_party}?",
                   "Going forward, what could you offer that would help reach agreement?"],
        "interest": ["What do you think the family most needs to see{about_child}?",
                     "What would help everyone feel ready to agree{for_child}?",
                     "What would a plan everyone supports need to include{for_child}?"],
    },
    "respect": {
        "concern": ["Calm, respectful conversations{with_party} matter a lot to you.",
                    "Being able to do your work with respect on all sides is important to you."],
        "future": ["Looking ahead, what would help these conversations stay calm and respectful?",
                   "From here on, what ground rules would help everyone talk this through?"],
        "interest": ["What would help you and the family hear each other{about_child}?",
                     "What would a respectful conversation about this look like{for_child}?"],
    },
    "honesty": {
        "concern": ["Accurate, shared information{with_party} matters a lot to you.",
                    "Everyone working from the same facts is important to you.",
                    "Being honest and open with each other is important to you."],
        "future": ["Looking ahead, how could everyone check the facts together?",
                   "From here on, what would help everyone work from the same information?"],
        "interest": ["What would help everyone trust the same information{about_child}?",
                     "What facts do you most want everyone to share{about_child}?"],
    },
}
NEED_WORDS: list[tuple[str, str]] = [
    ("lie", "honesty"), ("lied", "honesty"), ("lying", "honesty"), ("liar", "honesty"),
    ("dishonest", "honesty"), ("mislead", "honesty"), ("misled", "honesty"), ("twist", "honesty"),
    ("fabricat", "honesty"), ("cover", "honesty"), ("hid", "honesty"), ("bur", "honesty"),
    ("decei", "honesty"), ("fake", "honesty"), ("pretend", "honesty"), ("truth", "honesty"),
    ("honest", "honesty"), ("distrust", "honesty"), ("trust", "honesty"), ("misconstru", "honesty"),
    ("care", "care"), ("ignor", "heard"), ("dismiss", "heard"), ("brush", "heard"), ("wave", "heard"),
    ("shut", "heard"), ("left out", "heard"), ("leave", "heard"), ("exclud", "heard"),
    ("disregard", "heard"), ("word", "heard"), ("talk over", "heard"), ("listen", "heard"), ("care", "care"),
    ("stall", "pace"), ("delay", "pace"), ("drag", "pace"), ("wait", "pace"), ("slow", "pace"),
    ("clock", "pace"), ("never", "pace"), ("late", "pace"),
    ("rude", "respect"), ("condescend", "respect"), ("yell", "respect"), ("scream", "respect"),
    ("insult", "respect"), ("mock", "respect"), ("belittl", "respect"), ("nast", "respect"),
    ("attack", "respect"), ("disrespect", "respect"), ("patroni", "respect"), ("humiliat", "respect"),
    ("refus", "cooperation"), ("won't", "cooperation"), ("block", "cooperation"),
    ("interfer", "cooperation"), ("demand", "cooperation"), ("hover", "cooperation"),
    ("uncooperat", "cooperation"), ("unrealistic", "cooperation"), ("unreasonable", "cooperation"),
    ("stir", "cooperation"), ("trouble", "cooperation"), ("coach", "cooperation"),
    ("obstruct", "cooperation"), ("antagoni", "cooperation"), ("difficult", "cooperation"),
    ("lazy", "effort"), ("trying", "effort"), ("effort", "effort"), ("manipulat", "effort"),
    ("defian", "effort"), ("unmotivat", "effort"),
    ("bias", "fairness"), ("unfair", "fairness"), ("favor", "fairness"), ("entitled", "fairness"),
    ("special treatment", "fairness"), ("blame", "fairness"),
    ("sue", "process"), ("threat", "process"), ("board", "process"), ("state", "process"), ("court", "process"), ("due process", "process"), ("lawyer", "process"),
    ("attorney", "process"), ("complaint", "process"), ("regret", "process"), ("writing", "process"),
    ("record", "process"), ("later", "process"),
    # last: words that only hint at the need ("they treated my son like a criminal")
    ("respect", "respect"), ("treat", "respect"),
]


# ---------------------------------------------------------------------------------------------
# Signals the model stage weighs (facilitator/reframe/model.py), with no rule of their own:
# each is weak alone, and the model learns from real sentences how much each one counts, and
# with what around it. Add words for a way of blaming people use, or of talking neutrally.
# ---------------------------------------------------------------------------------------------

# Harm done to someone, verbs of dismissal and exclusion: "she waved us off", "we were shut out".
HARM_ACTS = [
    "~wave us/me/him/her/them/it off", "~wave off", "~shut us/me/him/her/them out", "~shut out",
    "~leave us/me/him/her/them out", "~left out", "~cut us/me/him/her/them out", "~talk over",
    "~talk down to", "~speak over", "~dismiss", "~disregard", "~overrule", "~override",
    "~grab", "~shove", "~push", "~yank", "~drag", "~restrain", "~seclude", "~isolate",
    "~exclude", "~punish", "~retaliate", "~threaten", "~scold", "~shame", "~embarrass",
    "~scream", "~yell", "~swear", "~curse", "~slander", "~gossip", "~spread rumors",
    "~accuse", "~attack", "~berate", "~lecture", "~insult", "~demean", "~degrade", "~mistreat",
    "~neglect", "~coerce", "~pressure", "~force", "~pressure us/me/them", "~gaslight", "~deceive",
    "~trick", "~con", "~stonewall", "~stall", "~delay", "~deny", "~withhold", "~strip",
    "~kick him/her/them/us out", "~kick out", "~send him/her home", "~turn us/me/them away",
    "~turn away", "~not take our/my/their word", "~take {possessive} word for it", "~shrug off",
    "~laugh at", "~laugh off", "~roll {possessive} eyes", "~sigh at", "~snap", "~fail",
    "~make excuses", "~blame", "~fault", "~point fingers", "~nitpick", "~micromanage",
    "~hover", "~meddle", "~interfere", "~antagonize", "~badger", "~hound", "~nag", "~harp",
    "~demand", "~insist", "~complain", "~whine", "~cause a scene", "~make a scene",
    "~plagiarize", "~cheat", "~sass", "~mouth off", "~talk back", "~skip", "~ditch",
    "~fabricate", "~pretend", "~put on a show", "~manipulate", "~coddle", "~enable", "~baby",
    "~spoil", "~pull this", "~pull that", "~pull the same", "~get away with", "~play games",
    "~play dumb", "~pass the buck", "~backpedal", "~renege", "~go back on", "~break {possessive} promise",
    "~reduce her/him/them to", "~label him/her/them", "~brand him/her/them", "~write him/her/them off",
    "backlash", "runaround", "the run-around", "lip service", "a rubber stamp", "rubber-stamped",
    "behind our/my backs", "behind {possessive} back", "in the dark", "out of the loop",
    "on deaf ears", "the cold shoulder", "a slap on the wrist", "no regard", "little regard",
    "so little regard", "lack of", "no effort", "any effort", "no respect", "no idea",
    "no clue", "no business",
]
# Charges against the child (staff blaming the student): counted when they fall on "he", "she",
# the student or the student's name, like a trait (see CHARACTER).
CHILD_CHARGES = [
    "~manipulate", "manipulative", "lazy", "not trying", "not even trying", "doesn't try",
    "does not try", "won't try", "will not try", "refuses to try", "not trying hard enough",
    "~fake it", "faking", "attention-seeking", "attention seeking", "~play the system",
    "~play us", "~play the teachers", "~work the system", "~use {possessive} iep as an excuse",
    "~use {possessive} disability as an excuse", "spoiled", "a brat", "defiant on purpose",
    "just being difficult", "just lazy", "unmotivated", "apathetic",
]

# Judgements of a person: insults, mockery, contempt.
JUDGEMENTS = [
    "stupid", "dumb", "idiot", "idiots", "idiotic", "moron", "morons", "moronic", "fool",
    "fools", "foolish", "crazy", "insane", "nuts", "psycho", "unhinged", "hysterical",
    "annoying", "obnoxious", "nasty", "nastiness", "mean", "vile", "awful", "horrible",
    "terrible", "horrendous", "atrocious", "appalling", "disgusting", "despicable", "shameless",
    "childish", "immature", "petty", "whiny", "lazy", "lethargic", "apathetic", "unmotivated",
    "spoiled", "bratty", "brat", "brats", "rude", "disrespectful", "defiant", "oppositional",
    "manipulative", "manipulating", "sneaky", "liar", "liars", "lying", "dishonest", "fake",
    "phony", "hypocrite", "hypocrites", "hypocritical", "prig", "prigs", "self-righteous",
    "smug", "arrogant", "pompous", "clueless", "ignorant", "incompetent", "inept", "useless",
    "worthless", "hopeless", "pathetic", "lame", "a joke", "a nightmare", "the worst",
    "unrealistic", "unreasonable", "entitled", "demanding", "difficult", "toxic", "hostile",
    "belligerent", "aggressive", "combative", "litigious", "suit happy", "helicopter",
    "bulldozer", "snowplow", "overbearing", "controlling", "paranoid", "delusional", "dramatic",
    "drama", "broad", "witch", "jerk", "jerks", "bully", "bullies", "thug", "thugs",
    "thick", "thicker", "slow", "not knowledgeable", "not qualified", "unqualified",
    "uncaring", "heartless", "cold", "callous", "careless", "sloppy", "negligent", "reckless",
    "the nerve", "the audacity", "the gall", "had the nerve", "shit", "crap", "bs", "bullshit",
    "damn", "hell", "fuck", "fucking", "wtf", "ugh", "sick of", "fed up", "tired of",
    "no work ethic", "work ethic", "excuses", "excuse", "finger pointers", "finger pointing",
]
# Imputed motives: what the other side is "really" after.
MOTIVES = [
    "all about", "only about", "just about", "saving money", "save money", "to save money",
    "the money", "the budget", "budget", "costs", "cost", "cheaper", "liability", "cover themselves",
    "cover yourselves", "cover {possessive} butt", "cover {possessive} ass", "cya", "save face",
    "look good", "look bad", "off their books", "off the books", "get rid of", "be rid of",
    "so they don't have to", "so they do not have to", "so the school does not have to",
    "so the district does not have to", "to avoid", "avoid paying", "avoid providing",
    "conflict of interest", "agenda", "hidden agenda", "on purpose", "deliberate", "deliberately",
    "intentionally", "purposely", "for show", "a show", "power trip", "control", "to control",
    "to win", "just want", "only want", "just wants", "only wants", "only care", "only cares",
    "more of a priority", "priority", "owes them", "owe them", "special treatment",
    "wear us down", "wear parents down", "make parents stop", "stop trying", "give up",
    "easy way", "the easy way", "the hard way", "bottom line", "numbers", "their numbers",
    "their stats", "statistics", "a statistic",
]
# Sarcasm without the stock markers: mock surprise, mock praise, rhetorical asides.
MOCKERY = [
    "what a surprise", "surprise surprise", "big surprise", "no surprise", "shocker", "shocking",
    "go figure", "imagine that", "who knew", "who would have thought", "how convenient",
    "conveniently", "god forbid", "heaven forbid", "of course", "naturally", "apparently",
    "so-called", "supposedly", "allegedly", "all powerful", "all-powerful", "almighty",
    "in her world", "in his world", "in their world", "not that", "as if", "yeah right",
    "sure,", "right,", "much?", "lol", "smh", "rolls eyes", "eye roll", "brilliant",
    "genius", "bravo", "kudos", "well done", "nice job", "good job", "gold star",
    "because i want", "because we want", "because i love", "apparently a", "a pandemic",
    "magically", "miraculously", "somehow", "once again", "yet again", "the same old",
]
# Hints at what will be done with what was said.
VEILED_THREATS = [
    "writing this down", "writing all of this down", "writing it all down", "writing everything down",
    "documenting everything", "documenting all", "document everything", "keeping a record",
    "keeping notes", "keeping track", "for later", "for the record", "on the record",
    "we'll see", "we will see", "you'll see", "you will see", "remember this", "remember that",
    "keep that in mind", "keep in mind who", "i know people", "i know my rights",
    "the easy way", "the hard way", "you've been warned", "consider yourself warned",
    "last chance", "final warning", "who i'm going to call", "who i'm calling",
    "my lawyer", "our lawyer", "my attorney", "our attorney", "the press", "the news",
    "the paper", "the newspaper", "social media", "facebook", "the board", "the state",
]
# Neutral reporting, findings and advice: the same words, without blame.
NEUTRAL_REPORTS = [
    "~allege", "allegation", "allegations", "complainant", "~contend", "~assert", "~argue that",
    "~claim that", "according to", "the record shows", "the evidence", "~find that",
    "~conclude that", "~determine that", "findings of fact", "hearing officer", "ocr",
    "the investigation", "investigated", "petitioner", "respondent", "is required to",
    "are required to", "is entitled to", "are entitled to", "has the right", "have the right",
    "families have", "parents have", "you can request", "you may request", "you should",
    "make sure", "be sure to", "remember to", "keep in mind", "it is important", "it's important",
    "for example", "in writing", "by law", "under idea", "section 504", "cfr", "u.s.c.",
    "statute", "regulations", "procedural safeguards", "prior written notice",
]
# The speaker's own part: self-criticism and worry are no charge against anyone.
SELF_REPORTS = [
    "i should have", "i shouldn't have", "i should not have", "my fault", "my mistake",
    "i missed", "i forgot", "i was wrong", "i messed up", "i dropped the ball", "i'm sorry",
    "i am sorry", "i apologize", "i worry", "i'm worried", "i am worried", "i'm afraid",
    "i feel", "i felt", "i'm frustrated", "i am frustrated", "i'm exhausted", "i'm scared",
    "i'm not sure", "i don't know", "i wonder", "i hope", "i'd like", "i would like",
    "we would like", "we'd like", "i need", "we need", "i want", "we want", "i'm concerned",
    "i am concerned", "we're concerned", "we are concerned",
]


# Vague nouns a reframe may still say back when the statement names nothing better
# (suggestions._echo_topic): the speaker's own word beats a sentence about nothing.
ECHO_NOUNS = [
    "position", "situation", "issue", "issues", "problem", "problems", "meeting", "meetings",
    "settlement", "lawsuit", "compliance", "conflict", "complaint", "complaints", "concerns",
    "process", "dispute", "case", "paperwork", "system", "rules", "choices", "results",
]
# What the speaker counted on, by its verb, when the statement names no subject matter ("you
# never listen", "nobody called us"): said back in the speaker's own verb, as the need under
# the charge. verb (or verb and particle) -> what the speaker wants; {child} is the child.
DUTIES: dict[str, str] = {
    "listen": "being listened to", "hear": "being heard", "call": "getting a call",
    "answer": "getting an answer", "reply": "getting a reply", "respond": "getting a response",
    "tell": "being told what is happening", "explain": "having things explained",
    "inform": "being kept informed", "notify": "being notified", "include": "being included",
    "invite": "being invited", "consult": "being consulted", "test": "getting the testing done",
    "evaluate": "getting a full evaluation", "assess": "getting a full assessment",
    "read": "seeing {child} learn to read", "watch": "knowing someone is watching {child}",
    "supervise": "knowing {child} is supervised", "ask": "not having to ask again",
    "fight": "not having to fight for each step", "complain": "not having to complain first",
    "wait": "not having to wait", "beg": "not having to ask again and again",
    "show up": "having everyone show up", "follow through": "seeing people follow through",
    "follow up": "seeing people follow up", "write back": "getting a reply",
    "call back": "getting a call back", "get back": "hearing back",
    "pick up": "having someone pick up", "change": "seeing things change",
    "care": "knowing people care about {child}",
}
# What a duty becomes in the concern move; the other moves ask for the need under it.
DUTY_REFRAMES: dict[str, list[str]] = {
    "concern": ["{topic} matters a lot to you.", "{topic} is important to you."],
}
# Words in -s that take "is" ("progress is"), and plurals without one ("the children are").
SINGULAR_IN_S = ["news", "progress", "status", "basis", "analysis", "focus", "bus", "class", "process", "access", "success", "address", "stress", "physics", "mathematics", "this", "its", "his"]
PLURAL_NOUNS = ["children", "people", "data", "staff", "criteria", "men", "women", "feet", "teeth"]
# The speaker's own group on each side (a teacher is no party against "the teachers"; the
# district, to a teacher, may well be one): a reframe never sets a speaker against it.
PARTY_SIDES: dict[str, frozenset[str]] = {
    "family": frozenset(["parent", "parents", "family", "families", "mom", "dad", "mother", "father", "guardian", "guardians"]),
    "school": frozenset(["teacher", "teachers", "educator", "educators", "staff"]),
}
# The speaker's own group said back as one of them ("as parents"), and its plural.
OWN_GROUP_PLURAL = {
    "parent": "parents", "family": "families", "mom": "parents", "dad": "parents",
    "mother": "parents", "father": "parents", "guardian": "guardians", "teacher": "teachers",
    "educator": "educators",
}
OWN_GROUP: dict[str, list[str]] = {
    "concern": ["Being heard and respected as {topic} matters a lot to you.",
                "Being treated as partners, as {topic}, is important to you."],
    "future": ["Going forward, what would help you as {topic} most?",
               "From here on, what would {topic} need to be able to count on?"],
    "interest": ["What do {topic} most need from this{for_child}?",
                 "What would make the biggest difference to {topic} here{for_child}?"],
}
