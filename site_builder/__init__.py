"""Minh Bạch: turns administrative-reform reports into a bilingual open-data website."""

__version__ = "0.1.0"
