"""Print layouts: templates, overview map, atlas, decision dossier, profile sheet."""
