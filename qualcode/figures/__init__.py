"""Figures for a thesis: charts of displays, cluster analysis, hierarchy and comparison diagrams.

Drawn with matplotlib (no Qt), so the CLI, the app and the Word export make the
same picture: readable at 12 cm wide, a serif thesis font, Indonesian or English
labels, a colour-blind-safe palette (Okabe & Ito) and the codes' own colours
where they carry meaning; 300 dpi PNG or vector SVG/PDF.
"""
