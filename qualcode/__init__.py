"""QualCode: a toolkit for qualitative research coding.

Everything in this package except :mod:`qualcode.ui` is headless and importable without Qt.
"""

__version__ = "0.1.0"
