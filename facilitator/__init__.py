"""facilitator: a quiet terminal session board for special-education (IEP) mediators."""

__version__ = "0.1.0"
