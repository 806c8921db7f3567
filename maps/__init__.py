"""Print layouts (Qt side), used by the layout algorithms and the demo.

- ``layout``: templates, layers' styles and provenance, legend, credits, export (PDF, PNG, SVG).
- ``export``: the map of ``export_map`` (style, fill, write one page or an atlas).
- ``atlas``: one page per feature, with progress per page; ``atlas_profile``: the profile sheet.
- ``dossier``: the page kit of the dossiers (labels, boxes, tables, maps, legends, page frames).
- ``decision_dossier``, ``synergy_dossier``: the two dossiers, measured and laid out.
- ``texts``: every text written on paper, French and English.
"""
