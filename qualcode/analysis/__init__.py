"""Analysis: the display matrices, conclusions, review comments and intercoder agreement.

Miles, Huberman & Saldaña's cycle of condensation, display and conclusion
drawing/verification: :mod:`engine` builds every display from a
:class:`~qualcode.analysis.spec.DisplaySpec`; :mod:`displays` names the
ready-made ones; :mod:`saved` and :mod:`framework` keep specs and cell
summaries; :mod:`conclusions` and :mod:`verification` hold claims and check
their evidence; :mod:`review` holds supervisor comments; :mod:`agreement`
computes intercoder agreement. Import the submodules you need.
"""
