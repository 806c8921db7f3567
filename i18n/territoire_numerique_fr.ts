<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>TerritoireNumerique</name>
    <message>
      <location filename="../algorithms/base.py" line="383" />
      <source> or </source>
      <translation> ou </translation>
    </message>
    <message>
      <location filename="../engine/opendata/territory.py" line="80" />
      <source>'{token}' is neither an INSEE commune code (5 characters, e.g. 59183) nor an EPCI SIREN (9 digits, e.g. 245900428).</source>
      <translation>« {token} » n'est ni un code INSEE de commune (5 caractères, ex. 59183) ni un SIREN d'EPCI (9 chiffres, ex. 245900428).</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="136" />
      <source>1.5 m (default): a phone in the hand.</source>
      <translation>1,5 m (par défaut) : un téléphone tenu à la main.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="175" />
      <source>2 m (default) resolves streets between buildings; a larger cell is faster.</source>
      <translation>2 m (par défaut) distingue les rues entre les bâtiments ; une maille plus grande est plus rapide.</translation>
    </message>
    <message>
      <location filename="../algorithms/synergy_dossier.py" line="37" />
      <source>A PDF for the actors and the council from the outputs of Resource synergies: a cover with the totals, the Toile of the proposed synergies, then one page per synergy (ranked by net saving) with its map, the actors, quantities taken and delivered, distance, months, cost, value of the substituted supply, net saving, CO2 avoided and confidence, and a page of the factors and their sources. Confidential actors are never printed by name unless asked, whatever the synergies layer holds.</source>
      <translation>Un PDF pour les acteurs et les élus à partir des résultats de Synergies de ressources : une couverture avec les totaux, la Toile des synergies proposées, puis une page par synergie (classées par économie nette) avec sa carte, les acteurs, les quantités prélevées et livrées, la distance, les mois, le coût, la valeur de l'approvisionnement remplacé, l'économie nette, le CO2 évité et la confiance, et une page des facteurs et de leurs sources. Les acteurs confidentiels ne sont jamais nommés, sauf demande, quel que soit le contenu de la couche des synergies.</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="204" />
      <source>A budget needs a cost field on the candidates.</source>
      <translation>Un budget nécessite un champ de coût sur les sites candidats.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="155" />
      <source>A cell counts as covered when the signal reaches the level at this share of the locations of the cell (a margin for shadowing): 90 % by default.</source>
      <translation>Une maille compte comme couverte lorsque le signal atteint le niveau en cette part des emplacements de la maille (une marge pour l'effet de masque) : 90 % par défaut.</translation>
    </message>
    <message>
      <location filename="../algorithms/_layer_io.py" line="260" />
      <source>A feature could not be written to the output.</source>
      <translation>Une entité n'a pas pu être écrite dans la sortie.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_propagation.py" line="150" />
      <source>A hotspot has a non-positive frequency or band ({value}).</source>
      <translation>Une borne a une fréquence ou une bande nulle ou négative ({value}).</translation>
    </message>
    <message>
      <location filename="../engine/waste_access.py" line="150" />
      <source>A kind filter needs the facility kind field (KIND_FIELD).</source>
      <translation>Un filtre par type nécessite le champ du type d'équipement (KIND_FIELD).</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="53" />
      <source>A multi-page PDF for a council meeting, from the results of Site suitability: a cover with a summary, the map of the territory with the suitability and the candidate sites, one page per site (map, score, rank, stability under weight changes, the contribution of each criterion as a bar chart, the constraints met and key facts: fibre at the site, distance to the port, nearest waste outlet), then the method and the sources with their vintages.

The sites layer is the 'Best sites' output of Site suitability (fields site_id, rank, score, min_score, area_m2, stay_top_prob and c_&lt;criterion&gt;). Give the same model to word the criteria, weights and constraints. The dossier is in French, in English when the QGIS locale is English.</source>
      <translation>Un PDF de plusieurs pages pour une séance du conseil, à partir des résultats d'Aptitude des sites : une couverture avec une synthèse, la carte du territoire avec l'aptitude et les sites candidats, une page par site (carte, note, rang, stabilité face aux variations des pondérations, contribution de chaque critère sous forme de diagramme en barres, contraintes respectées et informations clés : fibre sur le site, distance au port, exutoire de déchets le plus proche), puis la méthode et les sources avec leur millésime.

La couche des sites est la sortie « Meilleurs sites » d'Aptitude des sites (champs site_id, rank, score, min_score, area_m2, stay_top_prob et c_&lt;criterion&gt;). Indiquez le même modèle pour libeller les critères, les pondérations et les contraintes. Le dossier est rédigé en français, ou en anglais si QGIS est en anglais.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="236" />
      <source>A number of new hotspots</source>
      <translation>Un nombre de nouvelles bornes</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="92" />
      <source>A resident is served when the nearest facility is at most this far.</source>
      <translation>Un habitant est desservi quand l'équipement le plus proche est au plus à cette distance.</translation>
    </message>
    <message>
      <location filename="../engine/shared_facility.py" line="140" />
      <source>A shared facility needs actors and candidate sites.</source>
      <translation>Un équipement partagé demande des acteurs et des sites candidats.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="218" />
      <location filename="../algorithms/load_open_data.py" line="335" />
      <source>A terrain GeoTIFF was asked for, but no terrain was loaded: tick the terrain family.</source>
      <translation>Un GeoTIFF du terrain a été demandé, mais aucun terrain n'a été chargé : cochez la famille terrain.</translation>
    </message>
    <message>
      <location filename="../engine/indicators.py" line="119" />
      <source>A {size} m grid over this extent would have about {count} cells (more than {limit}): use a larger cell size.</source>
      <translation>Une grille de {size} m sur cette emprise compterait environ {count} cellules (plus de {limit}) : utilisez une taille de cellule plus grande.</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="619" />
      <source>AHP pairwise comparison</source>
      <translation>Comparaison par paires AHP</translation>
    </message>
    <message>
      <location filename="../engine/mcda.py" line="138" />
      <source>AHP supports at most {max} criteria, not {n}.</source>
      <translation>AHP accepte au plus {max} critères, et non {n}.</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="301" />
      <source>AHP weights: consistency ratio CR = {cr}, λmax = {lmax}</source>
      <translation>Pondérations AHP : ratio de cohérence RC = {cr}, λmax = {lmax}</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="148" />
      <source>ARCEP buildings file: cartefibre immeubles export or base_imb (downloads when empty)</source>
      <translation>Fichier d'immeubles ARCEP : export cartefibre immeubles ou base_imb (téléchargements si vide)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="120" />
      <source>Accepted codes or patterns field (17 01 01, 17 02 *, 19 *)</source>
      <translation>Champ des codes ou motifs acceptés (17 01 01, 17 02 *, 19 *)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="64" />
      <source>Access to waste drop-off points</source>
      <translation>Accès aux points de collecte des déchets</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="90" />
      <source>Actor name field</source>
      <translation>Champ du nom de l'acteur</translation>
    </message>
    <message>
      <location filename="../engine/shared_facility.py" line="145" />
      <source>Actor weights must be positive numbers.</source>
      <translation>Les poids des acteurs doivent être des nombres positifs.</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="84" />
      <source>Actors (points)</source>
      <translation>Acteurs (points)</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="154" />
      <location filename="../algorithms/shared_facility.py" line="262" />
      <source>Actors and their site</source>
      <translation>Acteurs et leur site</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="342" />
      <location filename="../ui/suitability_editor.py" line="749" />
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="638" />
      <source>Aggregation</source>
      <translation>Agrégation</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="18" />
      <source>Agricultural</source>
      <translation>Agricole</translation>
    </message>
    <message>
      <location filename="../algorithms/provider.py" line="86" />
      <source>Algorithm '{name}' is not available: {reason}. Install the Python packages listed in requirements.txt (QPIP plugin, or OSGeo4W: python3-scipy, python3-geopandas, python3-rasterio, python3-requests).</source>
      <translation>L'algorithme « {name} » n'est pas disponible : {reason}. Installez les paquets Python listés dans requirements.txt (extension QPIP, ou OSGeo4W : python3-scipy, python3-geopandas, python3-rasterio, python3-requests).</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="157" />
      <source>Allocating the resources</source>
      <translation>Affectation des ressources</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="267" />
      <source>Allocating waste to receivers</source>
      <translation>Affectation des déchets aux exutoires</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="25" />
      <source>Along the roads</source>
      <translation>Le long des routes</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="35" />
      <source>Along the roads, a point farther than this from every road is off the road network.</source>
      <translation>Le long des routes, un point plus éloigné que cela de toute route est hors du réseau routier.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="205" />
      <source>Also a CSV twin</source>
      <translation>Aussi une copie CSV</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="206" />
      <source>Also an XLSX twin</source>
      <translation>Aussi une copie XLSX</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="144" />
      <source>An actor farther than this from every chosen site is unserved.</source>
      <translation>Un acteur plus éloigné que cela de tous les sites choisis n'est pas desservi.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="159" />
      <source>An atlas is exported as one PDF: choose the pdf format.</source>
      <translation>Un atlas est exporté en un seul PDF : choisissez le format pdf.</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="219" />
      <source>Analyses and maps</source>
      <translation>Analyses et cartes</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="189" />
      <source>Analysis</source>
      <translation>Analyse</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="19" />
      <source>Annex</source>
      <translation>Annexe</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="121" />
      <source>Antenna azimuth field (degrees from north; empty = omni)</source>
      <translation>Champ de l'azimut de l'antenne (degrés depuis le nord ; vide = omnidirectionnelle)</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="122" />
      <source>Antenna beamwidth field (degrees; empty = omni)</source>
      <translation>Champ de l'ouverture de l'antenne (degrés ; vide = omnidirectionnelle)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="38" />
      <source>Antenna height above ground when not given</source>
      <translation>Hauteur de l'antenne au-dessus du sol par défaut</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="119" />
      <source>Antenna height field (m above ground)</source>
      <translation>Champ de la hauteur de l'antenne (m au-dessus du sol)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="138" />
      <source>Area within usable signal (m²)</source>
      <translation>Surface couverte par un signal exploitable (m²)</translation>
    </message>
    <message>
      <location filename="../maps/export.py" line="134" />
      <source>Atlas of {count} pages.</source>
      <translation>Atlas de {count} pages.</translation>
    </message>
    <message>
      <location filename="../maps/atlas.py" line="94" />
      <source>Atlas page {page} of {count}…</source>
      <translation>Page {page} sur {count} de l'atlas…</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="110" />
      <source>Atlas: one page per feature of this layer (PDF)</source>
      <translation>Atlas : une page par entité de cette couche (PDF)</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="118" />
      <source>Atlas: page title field</source>
      <translation>Atlas : champ du titre de page</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="79" />
      <source>Attribute of the feature at the cell</source>
      <translation>Attribut de l'entité sous la cellule</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="24" />
      <location filename="../engine/layout_options.py" line="46" />
      <source>Author</source>
      <translation>Auteur</translation>
    </message>
    <message>
      <location filename="../engine/opendata/solar.py" line="60" />
      <source>Bad solar field mapping '{item}': write target=FIELD.</source>
      <translation>Correspondance de champ solaire incorrecte « {item} » : écrivez cible=CHAMP.</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="169" />
      <source>Balance per actor</source>
      <translation>Bilan par acteur</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="109" />
      <source>Balance per actor and resource</source>
      <translation>Bilan par acteur et par ressource</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="387" />
      <source>Band (raster)</source>
      <translation>Bande (raster)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="88" />
      <source>Benefit: more is better</source>
      <translation>Bénéfice : plus c'est mieux</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="91" />
      <source>Best download class field (e.g. 30-100M)</source>
      <translation>Champ de la meilleure classe de débit descendant (ex. 30-100M)</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="150" />
      <source>Best sites</source>
      <translation>Meilleurs sites</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="95" />
      <source>Best technology field (FO, COAX, CU, ...)</source>
      <translation>Champ de la meilleure technologie (FO, COAX, CU, ...)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="116" />
      <location filename="../algorithms/wifi_coverage.py" line="242" />
      <source>Best-server hotspot</source>
      <translation>Borne de meilleur serveur</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="145" />
      <source>Body loss</source>
      <translation>Pertes dues au corps</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="102" />
      <source>Boundaries (communes)</source>
      <translation>Limites administratives (communes)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="154" />
      <source>Budget (same unit as the costs; empty: none)</source>
      <translation>Budget (même unité que les coûts ; vide : aucun)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="740" />
      <source>Buffer (m)</source>
      <translation>Tampon (m)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="123" />
      <source>Building entry loss inside buildings (ITU-R P.2109)</source>
      <translation>Affaiblissement de pénétration dans les bâtiments (ITU-R P.2109)</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="88" />
      <source>Building height field (m; missing heights count 6 m)</source>
      <translation>Champ de la hauteur des bâtiments (m ; hauteur manquante comptée 6 m)</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="96" />
      <location filename="../algorithms/solar_potential.py" line="103" />
      <source>Building identifier field</source>
      <translation>Champ identifiant du bâtiment</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="186" />
      <source>Building the obstruction surface</source>
      <translation>Construction de la surface d'obstruction</translation>
    </message>
    <message>
      <location filename="../algorithms/_engine_io.py" line="79" />
      <source>Building the road network</source>
      <translation>Construction du réseau routier</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="104" />
      <source>Building use field (industrial, commercial, Industriel...)</source>
      <translation>Champ de l'usage du bâtiment (industrial, commercial, Industriel...)</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="123" />
      <source>Building uses to keep (none ticked: every roof)</source>
      <translation>Usages de bâtiment à conserver (aucun coché : toutes les toitures)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="109" />
      <source>Buildings (IGN BD TOPO)</source>
      <translation>Bâtiments (IGN BD TOPO)</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="80" />
      <source>Buildings (rasterised onto the grid with their height)</source>
      <translation>Bâtiments (rastérisés sur la grille avec leur hauteur)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="182" />
      <source>Buildings, BD TOPO (buildings)</source>
      <translation>Bâtiments, BD TOPO (buildings)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="710" />
      <source>CO2 avoided</source>
      <translation>CO2 évité</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="118" />
      <source>CO2 avoided (t/yr)</source>
      <translation>CO2 évité (t/an)</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="82" />
      <source>CRS of the analysis and of the x, y columns</source>
      <translation>SCR de l'analyse et des colonnes x, y</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="173" />
      <source>Cache only (offline)</source>
      <translation>Cache seul (hors ligne)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="172" />
      <source>Cache, then online</source>
      <translation>Cache, puis en ligne</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="176" />
      <source>Cache, then online: downloads of less than 30 days are reused, the rest is downloaded (the cache is used if the network fails). Cache only: no network, the last downloads. Sample: the bundled Dunkerque territory.</source>
      <translation>Cache, puis en ligne : les téléchargements de moins de 30 jours sont réutilisés, le reste est téléchargé (le cache sert si le réseau fait défaut). Cache seul : sans réseau, les derniers téléchargements. Exemple : le territoire de Dunkerque fourni avec l'extension.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/options.py" line="25" />
      <source>Cache, then online: recent downloads reused, the rest downloaded (online)</source>
      <translation>Cache puis en ligne : téléchargements récents réutilisés, le reste téléchargé (online)</translation>
    </message>
    <message>
      <location filename="../engine/opendata/options.py" line="28" />
      <source>Cache: no network, the last download (cache)</source>
      <translation>Cache : sans réseau, le dernier téléchargement (cache)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="107" />
      <source>Candidate antenna height field (m above ground; empty values: the default height)</source>
      <translation>Champ de la hauteur de l'antenne du candidat (m au-dessus du sol ; valeurs vides : la hauteur par défaut)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="117" />
      <source>Candidate cost field (for a budget or the cheapest target)</source>
      <translation>Champ du coût des candidats (pour un budget ou la cible au moindre coût)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="169" />
      <source>Candidate costs must be finite and not negative.</source>
      <translation>Les coûts des candidats doivent être finis et positifs ou nuls.</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="132" />
      <location filename="../algorithms/wifi_placement.py" line="98" />
      <source>Candidate identifier field</source>
      <translation>Champ identifiant du candidat</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="127" />
      <source>Candidate polygons to score instead of locating sites (parcels, brownfields)</source>
      <translation>Polygones candidats à noter au lieu de rechercher des sites (parcelles, friches)</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="127" />
      <location filename="../algorithms/wifi_placement.py" line="92" />
      <source>Candidate sites</source>
      <translation>Sites candidats</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="69" />
      <source>Candidate sites (output of Site suitability)</source>
      <translation>Sites candidats (sortie d'Aptitude des sites)</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="373" />
      <source>Candidate sites (rank)</source>
      <translation>Sites candidats (rang)</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="153" />
      <location filename="../algorithms/shared_facility.py" line="260" />
      <source>Candidate sites ranked</source>
      <translation>Sites candidats classés</translation>
    </message>
    <message>
      <location filename="../engine/wifi_propagation.py" line="494" />
      <source>Cannot read the raster {path}: {reason}</source>
      <translation>Impossible de lire le raster {path} : {reason}</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="749" />
      <source>Cannot take the extent from layer '{layer}': it has no features. Give an extent.</source>
      <translation>Impossible de prendre l'emprise de la couche « {layer} » : elle ne contient aucune entité. Indiquez une emprise.</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="122" />
      <source>Capacity field (t/yr, empty = unlimited)</source>
      <translation>Champ de capacité (t/an, vide = illimitée)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="86" />
      <location filename="../ui/suitability_editor.py" line="394" />
      <source>Categories</source>
      <translation>Catégories</translation>
    </message>
    <message>
      <location filename="../engine/suitability_options.py" line="24" />
      <location filename="../engine/wifi_options.py" line="175" />
      <source>Cell size</source>
      <translation>Taille de cellule</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="311" />
      <source>Cells inside the buildings</source>
      <translation>Cellules à l’intérieur des bâtiments</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="231" />
      <source>Choose</source>
      <translation>Choisir</translation>
    </message>
    <message>
      <location filename="../algorithms/_survey_io.py" line="24" />
      <source>Choose a CRS with an EPSG code (e.g. EPSG:2154).</source>
      <translation>Choisissez un SCR doté d'un code EPSG (par exemple EPSG:2154).</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="215" />
      <source>Choose at least one data family to load.</source>
      <translation>Choisissez au moins une famille de données à charger.</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="67" />
      <source>Chooses the best site among candidate points or parcels for a service several actors need (a restaurant, a sorting platform, a seawater intake, a heat-network substation): the one that minimises the demand-weighted distance, straight or along the roads (1-median), or the best COUNT sites together (p-median). Exact: every candidate is evaluated for one site; a mixed-integer programme (HiGHS) chooses several. The actors are a point layer with a weight field (people, tonnes...) or the needs of one service in a symbiosis survey (weight: the quantity). A suitability raster (0-100, e.g. territoire:site_suitability) is either a constraint (sites below the minimum are left out) or a weight (a site's distances count 1 + k x (100 - suitability) / 100 times). Reports each actor's distance and time and the share of the weight within the threshold (metres or minutes at the given speed).</source>
      <translation>Choisit le meilleur site, parmi des points ou parcelles candidats, pour un service dont plusieurs acteurs ont besoin (un restaurant, une plateforme de tri, une prise d'eau de mer, une sous-station de réseau de chaleur) : celui qui minimise la distance pondérée par la demande, à vol d'oiseau ou par la route (1-médiane), ou les COUNT meilleurs sites ensemble (p-médiane). Exact : chaque candidat est évalué pour un site ; un programme linéaire en nombres entiers (HiGHS) en choisit plusieurs. Les acteurs sont une couche de points avec un champ de poids (personnes, tonnes…) ou les besoins d'un service dans une enquête de symbiose (poids : la quantité). Un raster d'aptitude (0-100, par exemple territoire:site_suitability) est soit une contrainte (les sites sous le minimum sont écartés), soit un poids (les distances d'un site comptent 1 + k x (100 - aptitude) / 100 fois). Donne la distance et le temps de chaque acteur et la part du poids sous le seuil (en mètres ou en minutes à la vitesse donnée).</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="74" />
      <source>Chooses where to install new public Wi-Fi hotspots among candidate sites (public buildings, street furniture) so that the most demand (residents, footfall, points of interest) is within usable signal, the existing hotspots being kept. Each candidate's coverage is computed with the same propagation model and obstruction (buildings, terrain, DSM) as the coverage tool. Modes: a number of new hotspots (maximal covering), a target share of the demand with the fewest hotspots (or the cheapest, with costs), or a budget. Every plan comes with a proven bound of the best possible: greedy selection improved by swaps and the rounded LP relaxation (interior point, whose duals give the bound), then branch-and-bound (HiGHS) while the gap is above 0.5 %, within the time limit; the method, objective, bound and gap are always reported. Outputs: the selected sites ranked by marginal gain, the coverage curve (number of new hotspots → share of demand covered) and the demand left uncovered, with a before / after sentence.</source>
      <translation>Choisit où installer de nouvelles bornes Wi-Fi publiques parmi des sites candidats (bâtiments publics, mobilier urbain) afin que la plus grande part de la demande (habitants, fréquentation, points d'intérêt) reçoive un signal exploitable, les bornes existantes étant conservées. La couverture de chaque candidat est calculée avec le même modèle de propagation et les mêmes obstacles (bâtiments, terrain, MNS) que l'outil de couverture. Modes : un nombre de nouvelles bornes (couverture maximale), une part cible de la demande avec le moins de bornes possible (ou au moindre coût, avec des coûts), ou un budget. Chaque plan est accompagné d'une borne prouvée du meilleur possible : sélection gloutonne améliorée par échanges et relaxation linéaire arrondie (point intérieur, dont les variables duales donnent la borne), puis séparation et évaluation (HiGHS) tant que l'écart dépasse 0,5 %, dans la limite de temps ; la méthode, l'objectif, la borne et l'écart sont toujours indiqués. Sorties : les sites retenus classés par gain marginal, la courbe de couverture (nombre de nouvelles bornes → part de la demande couverte) et la demande restée non couverte, avec une phrase avant / après.</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="256" />
      <source>Choosing the site</source>
      <translation>Choix du site</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="158" />
      <source>Chosen sites</source>
      <translation>Sites choisis</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="270" />
      <source>Chosen: {sites}; {share} % of the weight within {threshold} m.</source>
      <translation>Choisi : {sites} ; {share} % du poids à moins de {threshold} m.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="122" />
      <source>Closure scenario: actors that close (comma-separated)</source>
      <translation>Scénario de fermeture : acteurs qui ferment (séparés par des virgules)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="66" />
      <source>Closure scenario: identifiers of the sites removed (comma-separated)</source>
      <translation>Scénario de fermeture : identifiants des sites retirés (séparés par des virgules)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="787" />
      <source>Closure scenario: no actor of the survey is called {names}.</source>
      <translation>Scénario de fermeture : aucun acteur de l'enquête ne s'appelle {names}.</translation>
    </message>
    <message>
      <location filename="../engine/waste_flows.py" line="875" />
      <source>Closure scenario: no producer or receiver has the identifier {ids}.</source>
      <translation>Scénario de fermeture : aucun producteur ni exutoire n'a l'identifiant {ids}.</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="15" />
      <source>Commercial</source>
      <translation>Commercial</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="333" />
      <source>Commune</source>
      <translation>Commune</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="111" />
      <source>Commune code field</source>
      <translation>Champ du code de la commune</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="112" />
      <source>Commune name field</source>
      <translation>Champ du nom de la commune</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="136" />
      <source>Commune or EPCI: name or code (e.g. Dunkerque, 59183, 245900428)</source>
      <translation>Commune ou EPCI : nom ou code (ex. Dunkerque, 59183, 245900428)</translation>
    </message>
    <message>
      <location filename="../engine/opendata/geo_api.py" line="83" />
      <source>Commune {code} not found on geo.api.gouv.fr.</source>
      <translation>Commune {code} introuvable sur geo.api.gouv.fr.</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="110" />
      <source>Communes</source>
      <translation>Communes</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="175" />
      <source>Communes (boundaries)</source>
      <translation>Communes (boundaries)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="122" />
      <source>Communes (share of the population served in each)</source>
      <translation>Communes (part de la population desservie dans chacune)</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="150" />
      <location filename="../algorithms/shared_facility.py" line="207" />
      <source>Confidential actor {number}</source>
      <translation>Acteur confidentiel {number}</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="159" />
      <source>Confidential row</source>
      <translation>Ligne confidentielle</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="874" />
      <source>Consistency ratio CR = {cr} ({verdict}); weights: {weights}</source>
      <translation>Ratio de cohérence RC = {cr} ({verdict}) ; pondérations : {weights}</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="158" />
      <source>Constraint (minimum)</source>
      <translation>Contrainte (minimum)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="327" />
      <source>Constraints</source>
      <translation>Contraintes</translation>
    </message>
    <message>
      <location filename="../algorithms/_maps.py" line="47" />
      <source>Context layers for the maps, bottom to top (communes, roads…)</source>
      <translation>Couches de contexte des cartes, du bas vers le haut (communes, routes…)</translation>
    </message>
    <message>
      <location filename="../algorithms/symbiosis_template.py" line="57" />
      <source>Coordinate reference system</source>
      <translation>Système de coordonnées de référence</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="88" />
      <source>Cost: less is better</source>
      <translation>Coût : moins c'est mieux</translation>
    </message>
    <message>
      <location filename="../engine/profile_options.py" line="34" />
      <source>Count déchèteries within</source>
      <translation>Compter les déchèteries à moins de</translation>
    </message>
    <message>
      <location filename="../engine/fibre_options.py" line="30" />
      <source>Count per</source>
      <translation>Compter par</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="194" />
      <source>Counting premises per zone</source>
      <translation>Comptage des locaux par zone</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="169" />
      <source>Coverage curve</source>
      <translation>Courbe de couverture</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="486" />
      <source>Coverage matrix: {demand} demand features × {sites} candidates, {links} links.</source>
      <translation>Matrice de couverture : {demand} entités de demande × {sites} candidats, {links} liens.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="482" />
      <source>Coverage of each candidate site</source>
      <translation>Couverture de chaque site candidat</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="471" />
      <source>Coverage of the existing hotspots</source>
      <translation>Couverture des bornes existantes</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="125" />
      <source>Coverage per hotspot</source>
      <translation>Couverture par borne</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="325" />
      <source>Criteria</source>
      <translation>Critères</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="156" />
      <source>Criterion names must be unique: {names} appear twice.</source>
      <translation>Les noms de critères doivent être uniques : {names} apparaissent deux fois.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="670" />
      <location filename="../engine/suitability.py" line="677" />
      <location filename="../engine/suitability.py" line="1029" />
      <source>Criterion {name}</source>
      <translation>Critère {name}</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="956" />
      <source>Criterion {name}: field '{field}' of layer '{layer}' holds '{value}', not a number; use a 'categories' transform.</source>
      <translation>Critère {name} : le champ « {field} » de la couche « {layer} » contient « {value} », qui n'est pas un nombre ; utilisez une transformation « categories ».</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="188" />
      <source>Data</source>
      <translation>Données</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="121" />
      <location filename="../ui/dock.py" line="157" />
      <source>Data families</source>
      <translation>Familles de données</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="183" />
      <source>Data folder</source>
      <translation>Dossier des données</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="50" />
      <source>Decision dossier (PDF)</source>
      <translation>Dossier d'aide à la décision (PDF)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="110" />
      <source>Declared destination field (receiver id or name)</source>
      <translation>Champ de la destination déclarée (identifiant ou nom de l'exutoire)</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="127" />
      <source>Declared industrial waste</source>
      <translation>Déchets industriels déclarés</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="57" />
      <source>Default ITU-R P.1411 site-general: measured coefficients for streets, line-of-sight where the path is clear, obstructed (NLoS) where buildings or terrain stand between the hotspot and the cell. Free space is an optimistic upper limit; log-distance uses the exponents below.</source>
      <translation>Par défaut, UIT-R P.1411 général : coefficients mesurés dans les rues, en visibilité directe là où le trajet est dégagé, obstrué (NLoS) là où des bâtiments ou le relief séparent la borne de la maille. L'espace libre est une limite haute optimiste ; le modèle log-distance utilise les exposants ci-dessous.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="183" />
      <source>Default in front of the building, as public-space Wi-Fi is judged; on the building reads the cells of the building itself.</source>
      <translation>Par défaut devant le bâtiment, comme on juge un Wi-Fi d'espace public ; « sur le bâtiment » lit les mailles du bâtiment lui-même.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="123" />
      <source>Default none: the signal is read outdoors. Traditional or thermally efficient buildings (coated glass) lower the signal inside them.</source>
      <translation>Par défaut aucune : le signal est lu à l'extérieur. Les bâtiments traditionnels ou thermiquement performants (vitrages à couche) affaiblissent le signal à l'intérieur.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="72" />
      <source>Default urban: the more cautious of the two (a higher loss behind buildings). Choose residential for low-rise districts.</source>
      <translation>Par défaut urbain : le plus prudent des deux (pertes plus fortes derrière les bâtiments). Choisissez résidentiel pour les quartiers bas.</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="81" />
      <source>Demand (buildings or communes)</source>
      <translation>Demande (bâtiments ou communes)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="131" />
      <source>Demand covered per zone</source>
      <translation>Demande couverte par zone</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="175" />
      <source>Demand left uncovered</source>
      <translation>Demande restée non couverte</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="96" />
      <location filename="../algorithms/wifi_placement.py" line="133" />
      <source>Demand weight field (empty: each feature counts 1)</source>
      <translation>Champ de pondération de la demande (vide : chaque entité compte pour 1)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_propagation.py" line="1133" />
      <source>Demand weights must be finite and not negative.</source>
      <translation>Les poids de la demande doivent être finis et positifs ou nuls.</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="141" />
      <source>Demand within usable signal (%)</source>
      <translation>Demande recevant un signal exploitable (%)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="183" />
      <source>Demand within usable signal after (%)</source>
      <translation>Demande recevant un signal exploitable après (%)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="182" />
      <source>Demand within usable signal before (%)</source>
      <translation>Demande recevant un signal exploitable avant (%)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="299" />
      <source>Demand within usable signal, per zone</source>
      <translation>Demande à portée d'un signal utilisable, par zone</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="88" />
      <source>Demand: buildings with population, or points of interest</source>
      <translation>Demande : bâtiments avec population, ou points d'intérêt</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="126" />
      <source>Demand: buildings with population, points of interest</source>
      <translation>Demande : bâtiments avec population, points d'intérêt</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="618" />
      <source>Direct weights</source>
      <translation>Pondérations directes</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="390" />
      <source>Direction</source>
      <translation>Sens</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="30" />
      <source>Distance</source>
      <translation>Distance</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="218" />
      <source>Distance to a waste point</source>
      <translation>Distance à un point de collecte</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="77" />
      <source>Distance to the nearest feature</source>
      <translation>Distance à l'entité la plus proche</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="129" />
      <source>Distance to the nearest waste point</source>
      <translation>Distance au point de collecte le plus proche</translation>
    </message>
    <message>
      <location filename="../algorithms/_engine_io.py" line="60" />
      <source>Distances along the roads need a road layer (ROADS).</source>
      <translation>Les distances le long des routes nécessitent une couche de routes (ROADS).</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="638" />
      <location filename="../engine/suitability.py" line="713" />
      <source>Done</source>
      <translation>Terminé</translation>
    </message>
    <message>
      <location filename="../algorithms/_maps.py" line="56" />
      <source>Dossier</source>
      <translation>Dossier PDF</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="143" />
      <location filename="../algorithms/synergy_dossier.py" line="87" />
      <source>Dossier of {pages} pages written to {path}</source>
      <translation>Dossier de {pages} pages écrit dans {path}</translation>
    </message>
    <message>
      <location filename="../engine/http_client.py" line="206" />
      <source>Download too large: {url} exceeds {megabytes} MB.</source>
      <translation>Téléchargement trop volumineux : {url} dépasse {megabytes} Mo.</translation>
    </message>
    <message>
      <location filename="../engine/http_client.py" line="246" />
      <source>Download truncated: {url}.</source>
      <translation>Téléchargement tronqué : {url}.</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="118" />
      <source>EIRP field (dBm)</source>
      <translation>Champ de la PIRE (dBm)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="27" />
      <source>EIRP when the layer has no EIRP value</source>
      <translation>PIRE lorsque la couche n'a pas de valeur de PIRE</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="333" />
      <source>EPCI</source>
      <translation>EPCI</translation>
    </message>
    <message>
      <location filename="../engine/opendata/geo_api.py" line="64" />
      <source>EPCI {siren} not found on geo.api.gouv.fr.</source>
      <translation>EPCI {siren} introuvable sur geo.api.gouv.fr.</translation>
    </message>
    <message>
      <location filename="../maps/export.py" line="133" />
      <source>Each page shows its profile beside the median.</source>
      <translation>Chaque page montre son profil à côté de la médiane.</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="188" />
      <source>Each territory is kept in one GeoPackage named after it in this folder. Empty: beside the saved project, else a Territoire folder in your documents.</source>
      <translation>Chaque territoire est conservé dans un GeoPackage à son nom dans ce dossier. Vide : à côté du projet enregistré, sinon un dossier Territoire dans vos documents.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="72" />
      <source>Environment of obstructed (NLoS) paths for ITU-R P.1411</source>
      <translation>Environnement des trajets obstrués (NLoS) pour ITU-R P.1411</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="95" />
      <source>Exclude (never suitable)</source>
      <translation>Exclure (jamais apte)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="144" />
      <source>Existing hotspots (kept)</source>
      <translation>Bornes existantes (conservées)</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="52" />
      <location filename="../ui/dock.py" line="232" />
      <source>Export map</source>
      <translation>Exporter une carte</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="61" />
      <source>Export map…</source>
      <translation>Exporter une carte…</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="55" />
      <source>Exports a print-ready map for elected officials: title, subtitle, a legend of what is on the map with readable layer names, scale bar, north arrow, date, author, the commune's logo and a credits line built from the layers' provenance (it says 'synthetic sample data' when any layer is synthetic).

Layers are listed from bottom to top (the first one is drawn first, under the others); without layers, the visible layers of the project are used. Layers read from a file (e.g. 'territoire.gpkg|layername=communes') get the plugin's style for their family.

Template: a4_landscape (default), a4_portrait, a3_landscape or the path of a .qpt file whose items have the ids map, title, subtitle, legend, scalebar, north_arrow, credits, author, date, logo.

Atlas: with an atlas layer, one page per feature (commune, candidate site) in one PDF, the map zoomed on the feature and the page title taken from a field.</source>
      <translation>Exporte une carte prête à imprimer pour les élus : titre, sous-titre, légende de ce qui figure sur la carte avec des noms de couches lisibles, barre d'échelle, flèche du nord, date, auteur, logo de la commune et ligne de crédits établie à partir de la provenance des couches (elle indique « données d'exemple synthétiques » dès qu'une couche est synthétique).

Les couches sont listées du bas vers le haut (la première est dessinée en premier, sous les autres) ; sans couches, les couches visibles du projet sont utilisées. Les couches lues depuis un fichier (ex. 'territoire.gpkg|layername=communes') reçoivent le style de l'extension correspondant à leur famille.

Modèle de mise en page : a4_landscape (par défaut), a4_portrait, a3_landscape ou le chemin d'un fichier .qpt dont les éléments ont les identifiants map, title, subtitle, legend, scalebar, north_arrow, credits, author, date, logo.

Atlas : avec une couche d'atlas, une page par entité (commune, site candidat) dans un seul PDF, la carte étant zoomée sur l'entité et le titre de page tiré d'un champ.</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="104" />
      <source>Extent (default: the include constraints, else the first criterion)</source>
      <translation>Emprise (par défaut : les contraintes d'inclusion, sinon le premier critère)</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="103" />
      <source>Extent (default: the territory or the layers)</source>
      <translation>Emprise (par défaut : le territoire ou les couches)</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="147" />
      <source>FTTH eligibility</source>
      <translation>Éligibilité FTTH</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="124" />
      <source>FTTH eligibility field</source>
      <translation>Champ de l'éligibilité FTTH</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="87" />
      <source>FTTH eligibility field (true / false)</source>
      <translation>Champ de l'éligibilité FTTH (vrai / faux)</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="211" />
      <source>FTTH rate</source>
      <translation>Taux FTTH</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="103" />
      <source>Facility identifier field</source>
      <translation>Champ identifiant de l'équipement</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="104" />
      <source>Facility kind field</source>
      <translation>Champ du type d'équipement</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="113" />
      <location filename="../algorithms/resource_synergies.py" line="174" />
      <source>Factors and their sources</source>
      <translation>Facteurs et leurs sources</translation>
    </message>
    <message>
      <location filename="../algorithms/synergy_dossier.py" line="57" />
      <source>Factors and their sources (output of Resource synergies)</source>
      <translation>Facteurs et leurs sources (résultat de Synergies de ressources)</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="134" />
      <location filename="../algorithms/fibre_coverage.py" line="224" />
      <source>Fibre at sites</source>
      <translation>Fibre sur les sites</translation>
    </message>
    <message>
      <location filename="../engine/fibre_options.py" line="48" />
      <source>Fibre counts as at a site within</source>
      <translation>La fibre compte comme présente sur un site à moins de</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="103" />
      <source>Fibre coverage (ARCEP)</source>
      <translation>Couverture fibre (ARCEP)</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="64" />
      <source>Fibre coverage and gaps</source>
      <translation>Couverture fibre et zones mal desservies</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="128" />
      <source>Fibre coverage per zone</source>
      <translation>Couverture fibre par zone</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="82" />
      <location filename="../algorithms/territory_profile.py" line="122" />
      <source>Fibre eligibility per building</source>
      <translation>Éligibilité à la fibre par bâtiment</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="85" />
      <source>Fibre eligibility per building (points)</source>
      <translation>Éligibilité à la fibre par bâtiment (points)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="176" />
      <source>Fibre per building, ARCEP (fibre)</source>
      <translation>Fibre par bâtiment, ARCEP (fibre)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="386" />
      <source>Field (attribute)</source>
      <translation>Champ (attribut)</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="213" />
      <source>Filling the layout template…</source>
      <translation>Remplissage du modèle de mise en page…</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="388" />
      <location filename="../ui/suitability_editor.py" line="740" />
      <source>Filter (where)</source>
      <translation>Filtre (where)</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="159" />
      <source>Folder for each criterion's 0–1 raster</source>
      <translation>Dossier pour le raster 0–1 de chaque critère</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="67" />
      <source>For each demand feature (buildings with a population or dwellings field, or communes), the distance to the nearest waste facility (déchèterie, drop-off point; optionally only some kinds), in a straight line or along the roads (one shortest-path run from all facilities). Gives the share of the population within the threshold per commune and the underserved areas: underserved features closer than the grouping distance merged into polygons, with the population they hold. Features farther than the snapping tolerance from the roads have no distance and count as underserved.</source>
      <translation>Pour chaque entité de demande (bâtiments avec un champ de population ou de logements, ou communes), la distance à l'équipement de collecte des déchets le plus proche (déchèterie, point d'apport volontaire ; éventuellement seulement certains types), à vol d'oiseau ou le long des routes (un seul calcul de plus court chemin depuis tous les équipements). Donne la part de la population située sous le seuil pour chaque commune et les zones mal desservies : les entités mal desservies plus proches les unes des autres que la distance de regroupement sont fusionnées en polygones, avec la population qu'ils contiennent. Les entités situées au-delà de la tolérance d'accrochage aux routes n'ont pas de distance et sont comptées comme mal desservies.</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="25" />
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="62" />
      <source>Free space</source>
      <translation>Espace libre</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="120" />
      <source>Frequency or band field (MHz, or 2.4 / 5 / 6 GHz)</source>
      <translation>Champ de la fréquence ou de la bande (MHz, ou 2,4 / 5 / 6 GHz)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="48" />
      <source>Frequency when not given (MHz; 2.4, 5 or 6 are read as GHz bands)</source>
      <translation>Fréquence par défaut (MHz ; 2,4, 5 ou 6 sont lus comme des bandes en GHz)</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="82" />
      <source>From a solar cadastre (or the roofs of the open-data loader), computes per roof the usable area, the peak power (panel density in kWp/m²), the yearly energy (irradiation × performance ratio, or the PVGIS specific yield for roofs without irradiation) and the CO₂ avoided (grid emission factor). Local cadastres name their fields differently: map them with the field parameters. Roofs are filtered by minimum usable area and use (industrial, commercial, public by default). Optional outputs: the top roofs, totals per zone, and for industrial sites their roof potential and its share of the total (a roof belongs to the polygonal site holding it, else to the nearest point site within the site radius).</source>
      <translation>À partir d'un cadastre solaire (ou des toitures du chargeur de données ouvertes), calcule pour chaque toiture la surface utile, la puissance crête (densité de panneaux en kWc/m²), l'énergie annuelle (irradiation × ratio de performance, ou productible spécifique PVGIS pour les toitures sans irradiation) et le CO₂ évité (facteur d'émission du réseau électrique). Les cadastres locaux nomment leurs champs différemment : faites la correspondance avec les paramètres de champ. Les toitures sont filtrées par surface utile minimale et par usage (industriel, commercial et public par défaut). Sorties facultatives : les meilleures toitures, les totaux par zone et, pour les sites industriels, leur potentiel en toiture et sa part dans le total (une toiture appartient au site polygonal qui la contient, sinon au site ponctuel le plus proche dans le rayon de site).</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="67" />
      <source>From per-building fibre eligibility points (ARCEP "Ma connexion internet" or the open-data loader's fibre layer), counts per zone the premises, the premises with FTTH, the FTTH rate and the premises without any very-high-speed option (at least 30 Mbit/s). Zones are a polygon layer (communes, IRIS) or a square or hexagon grid of the given cell size. Zones below the target FTTH rate are flagged; a zone without premises has a NULL rate (no data), not 0 %. For the optional sites (industrial sites, port zones, candidate sites) it gives the distance to the nearest FTTH-eligible building and whether fibre is at the site (an eligible building inside it or within the given distance).</source>
      <translation>À partir de points d'éligibilité à la fibre par bâtiment (ARCEP « Ma connexion internet » ou couche fibre du chargeur de données ouvertes), compte par zone les locaux, les locaux raccordables en FTTH, le taux FTTH et les locaux sans aucune offre à très haut débit (au moins 30 Mbit/s). Les zones sont une couche de polygones (communes, IRIS) ou une grille de carrés ou d'hexagones de la taille de cellule indiquée. Les zones sous le taux FTTH cible sont signalées ; une zone sans locaux a un taux NULL (pas de données), et non 0 %. Pour les sites facultatifs (sites industriels, zones portuaires, sites candidats), donne la distance au bâtiment éligible FTTH le plus proche et indique si la fibre est présente sur le site (un bâtiment éligible à l'intérieur ou à moins de la distance indiquée).</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="30" />
      <source>From the output file name</source>
      <translation>D'après le nom du fichier de sortie</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="425" />
      <source>GIS files (*.gpkg *.shp *.geojson *.tif *.tiff);;All files (*)</source>
      <translation>Fichiers SIG (*.gpkg *.shp *.geojson *.tif *.tiff);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="84" />
      <source>Gaussian (ideal value)</source>
      <translation>Gaussienne (valeur idéale)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="160" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../algorithms/_suitability_model.py" line="65" />
      <source>Give a suitability model: a JSON file path or the JSON text.</source>
      <translation>Indiquez un modèle d'aptitude : le chemin d'un fichier JSON ou le texte JSON.</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="152" />
      <location filename="../engine/fibre.py" line="210" />
      <source>Give a zones layer, or choose a square or hexagon grid.</source>
      <translation>Indiquez une couche de zones, ou choisissez une grille de carrés ou d'hexagones.</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="167" />
      <source>Give the actors: a point layer (ACTORS), or a survey and a service.</source>
      <translation>Indiquez les acteurs : une couche de points (ACTORS), ou une enquête et un service.</translation>
    </message>
    <message>
      <location filename="../engine/fibre_options.py" line="40" />
      <source>Grid cell size</source>
      <translation>Taille des cellules de la grille</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="71" />
      <source>Grid emission factor (g CO₂ per kWh)</source>
      <translation>Facteur d'émission du réseau électrique (g CO₂ par kWh)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="197" />
      <source>Grid of {rows} × {cols} cells of {cell} m.</source>
      <translation>Grille de {rows} × {cols} cellules de {cell} m.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="629" />
      <source>Grid of {width} × {height} cells by blocks of {rows} rows; estimated peak memory {mb} MB</source>
      <translation>Grille de {width} × {height} cellules par blocs de {rows} lignes ; pic de mémoire estimé {mb} Mo</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="650" />
      <source>Grid of {width} × {height} cells; estimated peak memory {mb} MB</source>
      <translation>Grille de {width} × {height} cellules ; pic de mémoire estimé {mb} Mo</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="117" />
      <source>Group communes by (e.g. epci; empty: one profile per commune)</source>
      <translation>Regrouper les communes par (ex. epci ; vide : un profil par commune)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="100" />
      <source>Grouping distance of underserved areas (m)</source>
      <translation>Distance de regroupement des zones mal desservies (m)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="123" />
      <source>Hazardous waste allowed field (true / false)</source>
      <translation>Champ des déchets dangereux acceptés (vrai / faux)</translation>
    </message>
    <message>
      <location filename="../engine/fibre_options.py" line="37" />
      <source>Hexagon grid cell</source>
      <translation>Cellule de grille hexagonale</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="416" />
      <source>HiGHS branch-and-bound</source>
      <translation>séparation et évaluation (HiGHS)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="64" />
      <source>High value</source>
      <translation>Valeur haute</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="116" />
      <source>Hotspot identifier field (integer)</source>
      <translation>Champ identifiant de la borne (entier)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="319" />
      <source>Hotspot {name} ({key}): {warning}</source>
      <translation>Borne {name} ({key}) : {warning}</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="88" />
      <source>ICPE / IREP sites, to place rows without a point (by SIRET or name)</source>
      <translation>Sites ICPE / IREP, pour placer les lignes sans point (par SIRET ou par nom)</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="121" />
      <source>ICPE / IREP sites, to place survey rows without a point</source>
      <translation>Sites ICPE / IREP, pour placer les lignes de l'enquête sans point</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="333" />
      <source>INSEE codes</source>
      <translation>Codes INSEE</translation>
    </message>
    <message>
      <location filename="../engine/opendata/irep.py" line="222" />
      <source>IREP: {unplaced} of {total} establishments of the territory fall outside it ({likely}): the coordinates are in an unexpected system.</source>
      <translation>IREP : {unplaced} des {total} établissements du territoire tombent hors de celui-ci ({likely}) : les coordonnées sont dans un système inattendu.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="64" />
      <source>ITU-R P.1411 site-general (LoS / NLoS from the obstruction)</source>
      <translation>ITU-R P.1411 site-general (LoS / NLoS selon les obstacles)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="67" />
      <source>Ideal value</source>
      <translation>Valeur idéale</translation>
    </message>
    <message>
      <location filename="../algorithms/_maps.py" line="37" />
      <source>Images (*.svg *.png *.jpg *.jpeg)</source>
      <translation>Images (*.svg *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="188" />
      <source>In front of the building: outdoor cells along its walls, at receiver height (public-space Wi-Fi)</source>
      <translation>Devant le bâtiment : cellules extérieures le long de ses murs, à hauteur du récepteur (Wi-Fi des espaces publics)</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="122" />
      <source>In one sentence</source>
      <translation>En une phrase</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="95" />
      <source>Include (only there)</source>
      <translation>Inclure (seulement là)</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="14" />
      <source>Industrial</source>
      <translation>Industriel</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="142" />
      <source>Industrial sites</source>
      <translation>Sites industriels</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="125" />
      <source>Industrial sites (ICPE)</source>
      <translation>Sites industriels (ICPE)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="104" />
      <source>Industrial sites (ICPE, IREP)</source>
      <translation>Sites industriels (ICPE, IREP)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="177" />
      <source>Industrial sites, ICPE and IREP (industrial_sites)</source>
      <translation>Sites industriels, ICPE et IREP (industrial_sites)</translation>
    </message>
    <message>
      <location filename="../algorithms/symbiosis_template.py" line="33" />
      <source>Industrial symbiosis survey template</source>
      <translation>Modèle d'enquête de symbiose industrielle</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="105" />
      <source>Industrial waste (IREP)</source>
      <translation>Déchets industriels (IREP)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="178" />
      <source>Industrial waste, IREP (industrial_waste)</source>
      <translation>Déchets industriels, IREP (industrial_waste)</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="107" />
      <source>Irradiation field (kWh/m²/yr on the roof)</source>
      <translation>Champ de l'irradiation (kWh/m²/an sur la toiture)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="895" />
      <source>JSON (*.json)</source>
      <translation>JSON (*.json)</translation>
    </message>
    <message>
      <location filename="../engine/opendata/options.py" line="44" />
      <source>Keep Géorisques entries that are not classified (Non ICPE)</source>
      <translation>Garder les entrées Géorisques non classées (Non ICPE)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="89" />
      <source>Keep only these kinds (comma-separated, empty = all)</source>
      <translation>Ne garder que ces types (séparés par des virgules, vide = tous)</translation>
    </message>
    <message>
      <location filename="../engine/profile_options.py" line="28" />
      <source>Kind of a déchèterie (empty: every waste point counts)</source>
      <translation>Type d'une déchèterie (vide : tous les points de collecte comptent)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="423" />
      <source>LP relaxation</source>
      <translation>relaxation linéaire</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="417" />
      <source>LP relaxation (interior point)</source>
      <translation>relaxation linéaire (point intérieur)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="251" />
      <location filename="../ui/suitability_editor.py" line="740" />
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <location filename="../engine/raster_grid.py" line="560" />
      <source>Layer '{layer}' cannot be opened as a raster: {reason}</source>
      <translation>La couche « {layer} » ne peut pas être ouverte comme raster : {reason}</translation>
    </message>
    <message>
      <location filename="../engine/raster_grid.py" line="223" />
      <source>Layer '{layer}' cannot be opened as a vector layer: {path}</source>
      <translation>La couche « {layer} » ne peut pas être ouverte comme couche vecteur : {path}</translation>
    </message>
    <message>
      <location filename="../engine/raster_grid.py" line="574" />
      <source>Layer '{layer}' has no band {band} (it has {count}).</source>
      <translation>La couche « {layer} » n'a pas de bande {band} (elle en a {count}).</translation>
    </message>
    <message>
      <location filename="../engine/raster_grid.py" line="185" />
      <source>Layer '{layer}' has no coordinate reference system: set one (e.g. EPSG:2154).</source>
      <translation>La couche « {layer} » n'a pas de système de coordonnées de référence : définissez-en un (ex. EPSG:2154).</translation>
    </message>
    <message>
      <location filename="../engine/raster_grid.py" line="249" />
      <source>Layer '{layer}' has no field '{field}' (fields: {fields}).</source>
      <translation>La couche « {layer} » n'a pas de champ « {field} » (champs : {fields}).</translation>
    </message>
    <message>
      <location filename="../engine/raster_grid.py" line="228" />
      <source>Layer '{layer}' is not in {path}.</source>
      <translation>La couche « {layer} » n'est pas dans {path}.</translation>
    </message>
    <message>
      <location filename="../engine/raster_grid.py" line="189" />
      <source>Layer '{layer}' uses a geographic CRS (degrees): distances and areas need a projected CRS in metres, such as Lambert-93 (EPSG:2154). Reproject it first.</source>
      <translation>La couche « {layer} » utilise un SCR géographique (degrés) : les distances et les surfaces nécessitent un SCR projeté en mètres, comme Lambert-93 (EPSG:2154). Reprojetez-la d'abord.</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="384" />
      <source>Layer (project layer, path or path|layername=…)</source>
      <translation>Couche (couche du projet, chemin ou chemin|layername=…)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="425" />
      <source>Layer file</source>
      <translation>Fichier de couche</translation>
    </message>
    <message>
      <location filename="../algorithms/_suitability_model.py" line="132" />
      <source>Layer {layer} could not be exported for the analysis: {reason}</source>
      <translation>La couche {layer} n'a pas pu être exportée pour l'analyse : {reason}</translation>
    </message>
    <message>
      <location filename="../algorithms/_suitability_model.py" line="120" />
      <source>Layer {layer} is not a file-based raster: save it as a GeoTIFF first.</source>
      <translation>La couche {layer} n'est pas un raster sur fichier : enregistrez-la d'abord en GeoTIFF.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="74" />
      <source>Layers, bottom to top (default: the visible layers of the project)</source>
      <translation>Couches, du bas vers le haut (par défaut : les couches visibles du projet)</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="93" />
      <source>Layout template (a4_landscape, a4_portrait, a3_landscape or a .qpt file)</source>
      <translation>Modèle de mise en page (a4_landscape, a4_portrait, a3_landscape ou un fichier .qpt)</translation>
    </message>
    <message>
      <location filename="../maps/layout.py" line="104" />
      <source>Layout template not found: {path}. Give the path of a .qpt file or one of the bundled templates: {names}.</source>
      <translation>Modèle de mise en page introuvable : {path}. Indiquez le chemin d'un fichier .qpt ou l'un des modèles fournis : {names}.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="96" />
      <source>Layout templates (*.qpt *)</source>
      <translation>Modèles de mise en page (*.qpt *)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="308" />
      <source>Line of sight and signal of each hotspot</source>
      <translation>Visibilité et signal de chaque borne</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="82" />
      <source>Linear</source>
      <translation>Linéaire</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="196" />
      <source>Load</source>
      <translation>Charger</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="84" />
      <source>Load open data for a territory</source>
      <translation>Charger les données ouvertes d'un territoire</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="55" />
      <source>Load open data…</source>
      <translation>Charger les données ouvertes…</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="248" />
      <source>Loaded layers</source>
      <translation>Couches chargées</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="87" />
      <source>Loads open data for French communes or an intercommunality (EPCI) into one GeoPackage, with one table per family in a normalised schema (docs/schema.md) and a 'sources' table (publisher, URL, licence, vintage, retrieval date).

TERRITORY: INSEE commune codes separated by commas (e.g. 59183, 59271) or an EPCI SIREN (e.g. 245900428 for the Communauté urbaine de Dunkerque).
LAYERS: the families to load. SOURCE: online (download, keeping a cache), cache (no network: the last download) or sample (the bundled sample territory). Scripts and qgis_process may give the family and source keys (LAYERS=boundaries LAYERS=roads SOURCE=sample) or the option numbers.
Advanced: a file of official port limits instead of OpenStreetMap; a local solar cadastre (file or https address) with its field mapping instead of the BD TOPO roofs × PVGIS estimate; an ARCEP buildings file on disk (cartefibre immeubles export or base_imb) instead of the Ma connexion internet downloads; keep the Géorisques entries that are not classified ('Non ICPE', flagged icpe_classified false).
Each family says what it read, wrote and dropped, and why, in the log and in the note of its 'sources' rows; a source that loads nothing or drops more than 3 % of its rows is reported as a warning.
A family that fails is reported in the log and the others are still loaded. The layers are added to the project in a group named after the territory, styled, with their metadata (source, licence, vintage, retrieval date).</source>
      <translation>Charge les données ouvertes de communes françaises ou d'une intercommunalité (EPCI) dans un seul GeoPackage, avec une table par famille selon un schéma normalisé (docs/schema.md) et une table « sources » (producteur, URL, licence, millésime, date de récupération).

TERRITORY : codes INSEE des communes séparés par des virgules (ex. 59183, 59271) ou SIREN d'un EPCI (ex. 245900428 pour la Communauté urbaine de Dunkerque).
LAYERS : les familles à charger. SOURCE : online (téléchargement, avec conservation d'un cache), cache (sans réseau : le dernier téléchargement) ou sample (le territoire d'exemple fourni). Les scripts et qgis_process peuvent indiquer les clés de famille et de source (LAYERS=boundaries LAYERS=roads SOURCE=sample) ou les numéros d'option.
Avancé : un fichier des limites portuaires officielles au lieu d'OpenStreetMap ; un cadastre solaire local (fichier ou adresse https) avec sa correspondance de champs au lieu de l'estimation toitures BD TOPO × PVGIS ; un fichier d'immeubles ARCEP sur disque (export cartefibre immeubles ou base_imb) au lieu des téléchargements Ma connexion internet ; garder les entrées Géorisques non classées (« Non ICPE », marquées icpe_classified faux).
Chaque famille indique ce qu'elle a lu, écrit et écarté, et pourquoi, dans le journal et dans la note de ses lignes « sources » ; une source qui ne charge rien ou écarte plus de 3 % de ses lignes est signalée par un avertissement.
Une famille en échec est signalée dans le journal et les autres sont tout de même chargées. Les couches sont ajoutées au projet dans un groupe portant le nom du territoire, avec leur style et leurs métadonnées (source, licence, millésime, date de récupération).</translation>
    </message>
    <message>
      <location filename="../engine/opendata/options.py" line="32" />
      <source>Local solar cadastre: file or https address (roofs × PVGIS when empty)</source>
      <translation>Cadastre solaire local : fichier ou adresse https (toitures × PVGIS si vide)</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="704" />
      <source>Locating sites</source>
      <translation>Recherche des sites</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="347" />
      <location filename="../engine/wifi_run.py" line="465" />
      <source>Locating the demand on the grid</source>
      <translation>Localisation de la demande sur la grille</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="63" />
      <source>Log-distance</source>
      <translation>Log-distance</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="84" />
      <source>Log-distance exponent, clear paths</source>
      <translation>Exposant log-distance, trajets dégagés</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="93" />
      <source>Log-distance exponent, obstructed paths</source>
      <translation>Exposant log-distance, trajets obstrués</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="84" />
      <source>Log-distance model only. 2 is free space; 2.2 (default) a clear street.</source>
      <translation>Modèle log-distance seulement. 2 correspond à l'espace libre ; 2,2 (par défaut) à une rue dégagée.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="93" />
      <source>Log-distance model only. 3.5 (default) is typical behind buildings in a town.</source>
      <translation>Modèle log-distance seulement. 3,5 (par défaut) est typique derrière les bâtiments en ville.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="102" />
      <source>Log-distance model only: the spread of the signal around its mean (4 dB by default). ITU-R P.1411 has its own.</source>
      <translation>Modèle log-distance seulement : la dispersion du signal autour de sa moyenne (4 dB par défaut). UIT-R P.1411 a la sienne.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="102" />
      <source>Log-distance shadowing standard deviation</source>
      <translation>Écart type de l'effet de masque log-distance</translation>
    </message>
    <message>
      <location filename="../algorithms/_maps.py" line="35" />
      <source>Logo of the commune (SVG or image)</source>
      <translation>Logo de la commune (SVG ou image)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="145" />
      <source>Loss of the user's body and hand: 3 dB by default.</source>
      <translation>Pertes dues au corps et à la main de l'utilisateur : 3 dB par défaut.</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="63" />
      <source>Low value</source>
      <translation>Valeur basse</translation>
    </message>
    <message>
      <location filename="../engine/http_client.py" line="259" />
      <source>Malformed JSON from {url}: {problem}</source>
      <translation>JSON mal formé reçu de {url} : {problem}</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="126" />
      <source>Map</source>
      <translation>Carte</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="234" />
      <source>Map written to {path}</source>
      <translation>Carte écrite dans {path}</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="204" />
      <source>Mapping {count} layers.</source>
      <translation>Cartographie de {count} couches.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="190" />
      <source>Maps</source>
      <translation>Cartes</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="63" />
      <source>Maps the signal of public Wi-Fi hotspots over streets, squares and buildings. For every hotspot, GDAL's viewshed on the obstruction surface (terrain + buildings rasterised with their height, or a DSM) tells which cells it sees within the maximum range; the received power is EIRP − path loss − body loss − a margin z(p)·σ so that the level is reached at the chosen share of locations (ITU-R P.1411: line-of-sight coefficients where the path is clear, urban or residential NLoS where obstructed; or free space, or log-distance). Outputs: best-server received power (dBm) and best-server hotspot rasters, coverage polygons (good ≥ −67 dBm, usable ≥ threshold), per-hotspot covered and overlapping areas, and with demand (buildings with population, points of interest) and zones (communes), the share of the demand within usable and good signal per zone. An EIRP above the French / EU outdoor cap of its band is reported as a warning.</source>
      <translation>Cartographie le signal des bornes Wi-Fi publiques sur les rues, les places et les bâtiments. Pour chaque borne, l'analyse de visibilité (viewshed) de GDAL sur la surface d'obstruction (terrain + bâtiments rastérisés avec leur hauteur, ou un MNS) indique les cellules qu'elle voit dans la portée maximale ; la puissance reçue vaut PIRE − affaiblissement de propagation − pertes dues au corps − une marge z(p)·σ, de sorte que le niveau soit atteint sur la part d'emplacements choisie (ITU-R P.1411 : coefficients en visibilité directe lorsque le trajet est dégagé, NLoS urbain ou résidentiel lorsqu'il est obstrué ; ou espace libre, ou log-distance). Sorties : rasters de puissance reçue du meilleur serveur (dBm) et de borne de meilleur serveur, polygones de couverture (bon ≥ −67 dBm, exploitable ≥ seuil), surfaces couvertes et de recouvrement par borne et, avec une demande (bâtiments avec population, points d'intérêt) et des zones (communes), la part de la demande recevant un signal exploitable et un bon signal par zone. Une PIRE supérieure au plafond français / européen en extérieur pour sa bande est signalée par un avertissement.</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="78" />
      <source>Maps who produces which waste and where it can go, in the manner of AGUR's Toile industrielle. Producer rows (site, List of Waste code such as "07 07 08*", t/yr) are allocated to receivers whose accepted codes or patterns ("17 01 01, 17 02 *, 19 *") match, hazardous waste (*) only where it is allowed, within the maximum distance (straight or along the roads) and the receivers' capacities. The allocation is an exact transportation problem (linear programme, HiGHS): it places as many tonnes as possible, then minimises tonne-kilometres; what cannot be placed is reported with its cause. Rows whose destination names a receiver are kept as declared flows. Removing sites (closure scenario) re-allocates their flows and reports the waste that loses its outlet. Synergy candidates list, for each waste, the recovery sites that could take it, with a score explained by the match on the code hierarchy (code, sub-chapter, chapter, material family), distance, quantity fit and confidence. Flows are 3-vertex lines drawn as curved arrows (width by tonnes, colour by waste family, hazardous waste outlined in red).</source>
      <translation>Cartographie qui produit quels déchets et où ils peuvent aller, à la manière de la Toile industrielle de l'AGUR. Les lignes des producteurs (site, code de la nomenclature européenne des déchets tel que « 07 07 08* », t/an) sont affectées aux exutoires dont les codes ou motifs acceptés (« 17 01 01, 17 02 *, 19 * ») correspondent, les déchets dangereux (*) uniquement là où ils sont admis, dans la limite de la distance maximale (à vol d'oiseau ou le long des routes) et des capacités des exutoires. L'affectation est un problème de transport résolu de manière exacte (programme linéaire, HiGHS) : elle place le plus de tonnes possible, puis minimise les tonnes-kilomètres ; ce qui ne peut pas être placé est signalé avec sa cause. Les lignes dont la destination désigne un exutoire sont conservées comme flux déclarés. Le retrait de sites (scénario de fermeture) réaffecte leurs flux et signale les déchets qui perdent leur exutoire. Les synergies potentielles listent, pour chaque déchet, les sites de valorisation qui pourraient le recevoir, avec une note expliquée par la correspondance dans la hiérarchie des codes (code, sous-chapitre, chapitre, famille de matériaux), la distance, l'adéquation des quantités et la confiance. Les flux sont des lignes à 3 sommets dessinées en flèches courbes (épaisseur selon les tonnes, couleur selon la famille de déchets, déchets dangereux cernés de rouge).</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="58" />
      <location filename="../engine/symbiosis_options.py" line="144" />
      <source>Maximum distance (m, 0 = no limit)</source>
      <translation>Distance maximale (m, 0 = sans limite)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="113" />
      <source>Maximum range of a hotspot</source>
      <translation>Portée maximale d'une borne</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="385" />
      <source>Measure</source>
      <translation>Mesure</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="184" />
      <source>Measuring distances to the nearest facility</source>
      <translation>Mesure des distances à l'équipement le plus proche</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="136" />
      <source>Measuring the sites…</source>
      <translation>Mesure des sites…</translation>
    </message>
    <message>
      <location filename="../engine/suitability_options.py" line="41" />
      <source>Memory limit (MB): larger grids are computed by blocks of rows, or refused with an estimate</source>
      <translation>Limite de mémoire (Mo) : les grilles plus grandes sont calculées par blocs de lignes, ou refusées avec une estimation</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="179" />
      <source>Metres</source>
      <translation>Mètres</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="65" />
      <source>Midpoint (suitability 0.5)</source>
      <translation>Point milieu (aptitude 0,5)</translation>
    </message>
    <message>
      <location filename="../engine/suitability_options.py" line="32" />
      <source>Minimum spacing between sites</source>
      <translation>Espacement minimal entre sites</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="163" />
      <source>Minimum suitability</source>
      <translation>Aptitude minimale</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="79" />
      <source>Minimum usable area of a roof (m²)</source>
      <translation>Surface utile minimale d'une toiture (m²)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="92" />
      <source>Minimum: the weakest criterion decides</source>
      <translation>Minimum : le critère le plus faible décide</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="179" />
      <source>Minutes</source>
      <translation>Minutes</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="740" />
      <source>Mode</source>
      <translation>Mode</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="320" />
      <source>Model name</source>
      <translation>Nom du modèle</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="882" />
      <source>Most inconsistent pair: {first} vs {second} (about {value:.2g} would fit).</source>
      <translation>Paire la plus incohérente : {first} / {second} (environ {value:.2g} conviendrait).</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="383" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="117" />
      <source>Name field</source>
      <translation>Champ du nom</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="125" />
      <source>Name the confidential actors in the outputs</source>
      <translation>Nommer les acteurs confidentiels dans les résultats</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="240" />
      <source>Named as author in exported maps and dossiers; empty: the QGIS user name.</source>
      <translation>Nommé comme auteur des cartes et dossiers exportés ; vide : le nom de l'utilisateur QGIS.</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="119" />
      <source>Net saving (EUR/yr)</source>
      <translation>Économie nette (EUR/an)</translation>
    </message>
    <message>
      <location filename="../algorithms/_engine_io.py" line="95" />
      <source>Network distances need a road layer (ROADS).</source>
      <translation>Les distances sur le réseau nécessitent une couche de routes (ROADS).</translation>
    </message>
    <message>
      <location filename="../engine/shared_facility.py" line="58" />
      <location filename="../engine/symbiosis.py" line="256" />
      <location filename="../engine/waste_flows.py" line="335" />
      <source>Network distances need a road layer.</source>
      <translation>Les distances sur le réseau nécessitent une couche de routes.</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="336" />
      <source>New Wi-Fi hotspots (rank)</source>
      <translation>Nouvelles bornes Wi-Fi (rang)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="164" />
      <source>New hotspot sites</source>
      <translation>Sites des nouvelles bornes</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="733" />
      <source>No Python interpreter was found to run the solver in a separate process: Cancel will take effect when the solver ends (at most the time limit).</source>
      <translation>Aucun interpréteur Python n'a été trouvé pour lancer le solveur dans un processus séparé : l'annulation prendra effet à la fin du solveur (au plus la limite de temps).</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="328" />
      <source>No commune or EPCI matches “{text}”.</source>
      <translation>Aucune commune ni aucun EPCI ne correspond à « {text} ».</translation>
    </message>
    <message>
      <location filename="../engine/opendata/loader.py" line="231" />
      <source>No data could be loaded for {territory}: {details}</source>
      <translation>Aucune donnée n'a pu être chargée pour {territory} : {details}</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="354" />
      <source>No feasible plan was found.</source>
      <translation>Aucun plan réalisable n'a été trouvé.</translation>
    </message>
    <message>
      <location filename="../algorithms/_layer_io.py" line="131" />
      <source>No feature of the layer {layer} has a geometry (all {count} are NULL or empty).</source>
      <translation>Aucune entité de la couche {layer} n'a de géométrie (les {count} sont NULL ou vides).</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="193" />
      <source>No hazardous-waste field on the receivers: hazardous waste stays unallocated.</source>
      <translation>Aucun champ « déchets dangereux » sur les exutoires : les déchets dangereux restent non affectés.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="113" />
      <source>No hotspot is computed beyond this distance. 300 m (default) is beyond the usable range of an outdoor access point; a larger range costs time.</source>
      <translation>Aucune borne n'est calculée au-delà de cette distance. 300 m (par défaut) dépasse la portée utile d'un point d'accès extérieur ; une portée plus grande coûte du temps.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/arcep.py" line="316" />
      <location filename="../engine/opendata/context.py" line="159" />
      <location filename="../engine/opendata/loader.py" line="208" />
      <source>No network access was configured for this run.</source>
      <translation>Aucun accès réseau n'a été configuré pour cette exécution.</translation>
    </message>
    <message>
      <location filename="../engine/waste_flows.py" line="514" />
      <source>No producer row has both a readable waste code and a tonnage.</source>
      <translation>Aucune ligne de producteur n'a à la fois un code déchet lisible et un tonnage.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/territory.py" line="71" />
      <source>No territory given: enter INSEE commune codes (e.g. 59183) or an EPCI SIREN.</source>
      <translation>Aucun territoire indiqué : saisissez des codes INSEE de communes (ex. 59183) ou le SIREN d'un EPCI.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="58" />
      <source>No waste goes to a receiver farther than this (straight or along the roads).</source>
      <translation>Aucun déchet ne va vers un exutoire plus éloigné que cela (à vol d'oiseau ou le long des routes).</translation>
    </message>
    <message>
      <location filename="../engine/opendata/waste_points.py" line="361" />
      <source>No waste point source could be read: {problems}</source>
      <translation>Aucune source de points de collecte n'a pu être lue : {problems}</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="265" />
      <source>Nobody is within {km} km of a facility: check the facilities, the kinds kept and the distance.</source>
      <translation>Personne n'est à moins de {km} km d'un équipement : vérifiez les équipements, les types gardés et la distance.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="128" />
      <source>None (outdoor signal at the building)</source>
      <translation>Aucun (signal extérieur au droit du bâtiment)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="622" />
      <source>Normalised</source>
      <translation>Normalisé</translation>
    </message>
    <message>
      <location filename="../engine/outputs.py" line="267" />
      <source>Not enough disk space: the run needs about {needed} MB in {folder}, only {available} MB are free. Free some space or choose another folder.</source>
      <translation>Espace disque insuffisant : le traitement a besoin d'environ {needed} Mo dans {folder}, seuls {available} Mo sont libres. Libérez de la place ou choisissez un autre dossier.</translation>
    </message>
    <message>
      <location filename="../engine/cache.py" line="143" />
      <source>Not in the cache (source=cache works offline with earlier downloads only): {url}</source>
      <translation>Absent du cache (source=cache ne fonctionne hors ligne qu'avec des téléchargements antérieurs) : {url}</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="431" />
      <source>Not loaded: {families}.</source>
      <translation>Non chargé : {families}.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="359" />
      <source>Nothing is covered: no place (or no demand) reaches the usable signal of {threshold} dBm. Check the hotspots' power and height, the threshold and the study extent.</source>
      <translation>Rien n'est couvert : aucun lieu (ou aucune demande) n'atteint le signal utile de {threshold} dBm. Vérifiez la puissance et la hauteur des bornes, le seuil et l'emprise d'étude.</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="189" />
      <location filename="../engine/wifi_options.py" line="241" />
      <source>Number of new hotspots</source>
      <translation>Nombre de nouvelles bornes</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="88" />
      <location filename="../algorithms/territory_profile.py" line="123" />
      <source>Number of premises field</source>
      <translation>Champ du nombre de locaux</translation>
    </message>
    <message>
      <location filename="../engine/suitability_options.py" line="30" />
      <location filename="../engine/symbiosis_options.py" line="141" />
      <source>Number of sites</source>
      <translation>Nombre de sites</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="117" />
      <source>Number of synergies</source>
      <translation>Nombre de synergies</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="98" />
      <source>Number of top roofs</source>
      <translation>Nombre de meilleures toitures</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="630" />
      <source>OWA order weights, best value first: 0.5, 0.3, 0.2</source>
      <translation>Poids d'ordre OWA, meilleure valeur en premier : 0.5, 0.3, 0.2</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="184" />
      <source>Objective value</source>
      <translation>Valeur de l'objectif</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="462" />
      <source>Obstruction of the whole grid (the candidates' windows cover it)</source>
      <translation>Obstacles sur toute la grille (les fenêtres des sites candidats la couvrent)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="139" />
      <source>Official port limits (vector file; OpenStreetMap port land use when empty)</source>
      <translation>Limites portuaires officielles (fichier vecteur ; occupation du sol portuaire OpenStreetMap si vide)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="193" />
      <source>On the building: its own cells (roof line, or indoors with an entry loss)</source>
      <translation>Sur le bâtiment : ses propres cellules (au niveau du toit, ou à l'intérieur avec un affaiblissement de pénétration)</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="85" />
      <source>One row and one polygon per commune (or per EPCI when a grouping field is given) with: population, area (km²), density, FTTH rate (% of premises), number of industrial sites (ICPE) and of Seveso sites where the status is known, declared waste (t/yr), déchèteries within the given distance of the commune's centroid, rooftop solar potential (MWh/yr), share of the area covered by Wi-Fi (when a coverage layer is given) and port area (ha). Each indicator has a &lt;name&gt;_median field with the territory's median for comparison. An indicator whose layer is not given is NULL, as is the FTTH rate of a commune without premises. The export atlas turns the result into one profile page per commune.</source>
      <translation>Une ligne et un polygone par commune (ou par EPCI si un champ de regroupement est indiqué) avec : population, superficie (km²), densité, taux FTTH (% des locaux), nombre de sites industriels (ICPE) et de sites Seveso lorsque le statut est connu, déchets déclarés (t/an), déchèteries situées à moins de la distance indiquée du centroïde de la commune, potentiel solaire en toiture (MWh/an), part de la surface couverte par le Wi-Fi (si une couche de couverture est fournie) et surface portuaire (ha). Chaque indicateur a un champ &lt;name&gt;_median avec la médiane du territoire pour comparaison. Un indicateur dont la couche n'est pas fournie vaut NULL, de même que le taux FTTH d'une commune sans locaux. L'atlas d'export transforme le résultat en une page de profil par commune.</translation>
    </message>
    <message>
      <location filename="../engine/http_client.py" line="72" />
      <source>Only HTTPS addresses are allowed (or http://127.0.0.1 mirrors): {url}</source>
      <translation>Seules les adresses HTTPS sont permises (ou les miroirs http://127.0.0.1) : {url}</translation>
    </message>
    <message>
      <location filename="../engine/shared_facility.py" line="73" />
      <source>Only {eligible} eligible candidate sites for {count} facilities.</source>
      <translation>Seulement {eligible} sites candidats admissibles pour {count} équipements.</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="895" />
      <source>Open a suitability model</source>
      <translation>Ouvrir un modèle d'aptitude</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="154" />
      <source>Open data</source>
      <translation>Données ouvertes</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="312" />
      <source>Open…</source>
      <translation>Ouvrir…</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="125" />
      <source>Operation field (R/D code)</source>
      <translation>Champ de l'opération (code R/D)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="186" />
      <source>Optimality gap (proven)</source>
      <translation>Écart à l'optimum (prouvé)</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="107" />
      <source>Or a symbiosis survey (GeoPackage, CSV or XLSX)</source>
      <translation>Ou une enquête de symbiose (GeoPackage, CSV ou XLSX)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="93" />
      <source>Ordered weighted average (OWA)</source>
      <translation>Moyenne pondérée ordonnée (OWA)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="238" />
      <source>Organisation, author of the exported maps</source>
      <translation>Organisme, auteur des cartes exportées</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="20" />
      <source>Other</source>
      <translation>Autre</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="159" />
      <source>Output GeoPackage (temporary: the territory's GeoPackage in the data folder)</source>
      <translation>GeoPackage de sortie (temporaire : le GeoPackage du territoire dans le dossier des données)</translation>
    </message>
    <message>
      <location filename="../engine/opendata/overpass.py" line="47" />
      <source>Overpass could not answer ({url}): {remark}</source>
      <translation>Overpass n'a pas pu répondre ({url}) : {remark}</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="31" />
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="127" />
      <source>PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)</source>
      <translation>PDF (*.pdf);;Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="32" />
      <source>PNG</source>
      <translation>PNG</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="55" />
      <source>Panel density (kWp per m² of usable roof)</source>
      <translation>Densité de panneaux (kWc par m² de toiture utile)</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="63" />
      <source>Performance ratio (applied to irradiation)</source>
      <translation>Ratio de performance (appliqué à l'irradiation)</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="113" />
      <source>Population field</source>
      <translation>Champ de la population</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="88" />
      <source>Population or dwellings field (empty = 1 per feature)</source>
      <translation>Champ de la population ou des logements (vide = 1 par entité)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="134" />
      <source>Population served per commune</source>
      <translation>Population desservie par commune</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="137" />
      <location filename="../ui/dock.py" line="108" />
      <source>Port zones</source>
      <translation>Zones portuaires</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="87" />
      <source>Port zones (polygons)</source>
      <translation>Zones portuaires (polygones)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="181" />
      <source>Port zones (port_zones)</source>
      <translation>Zones portuaires (port_zones)</translation>
    </message>
    <message>
      <location filename="../maps/export.py" line="128" />
      <source>Preparing the atlas…</source>
      <translation>Préparation de l'atlas…</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="61" />
      <source>Print the names of confidential actors</source>
      <translation>Imprimer les noms des acteurs confidentiels</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="57" />
      <source>Propagation model</source>
      <translation>Modèle de propagation</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="185" />
      <source>Proven bound of the best possible objective</source>
      <translation>Borne prouvée du meilleur objectif possible</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="16" />
      <source>Public</source>
      <translation>Public</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="113" />
      <source>Public Wi-Fi hotspots</source>
      <translation>Bornes Wi-Fi publiques</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="186" />
      <source>Public Wi-Fi hotspots, sample only (wifi_hotspots)</source>
      <translation>Bornes Wi-Fi publiques, exemple uniquement (wifi_hotspots)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="112" />
      <source>Public buildings</source>
      <translation>Bâtiments publics</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="185" />
      <source>Public buildings, sample only (public_buildings)</source>
      <translation>Bâtiments publics, exemple uniquement (public_buildings)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="78" />
      <source>Raster value</source>
      <translation>Valeur du raster</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="172" />
      <source>Reading demand and facilities</source>
      <translation>Lecture de la demande et des équipements</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="260" />
      <source>Reading producers and receivers</source>
      <translation>Lecture des producteurs et des exutoires</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="196" />
      <source>Reading the buildings</source>
      <translation>Lecture des bâtiments</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="175" />
      <source>Reading the fibre layer</source>
      <translation>Lecture de la couche fibre</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="200" />
      <source>Reading the roofs</source>
      <translation>Lecture des toitures</translation>
    </message>
    <message>
      <location filename="../algorithms/_survey_io.py" line="62" />
      <source>Reading the survey</source>
      <translation>Lecture de l'enquête</translation>
    </message>
    <message>
      <location filename="../algorithms/_layer_io.py" line="114" />
      <source>Reading {layer}: {count} of {total} features</source>
      <translation>Lecture de {layer} : {count} entités sur {total}</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="113" />
      <source>Received power, best server (dBm)</source>
      <translation>Puissance reçue, meilleur serveur (dBm)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="136" />
      <source>Receiver height above ground</source>
      <translation>Hauteur du récepteur au-dessus du sol</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="117" />
      <source>Receiver identifier field</source>
      <translation>Champ identifiant de l'exutoire</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="118" />
      <source>Receiver name field</source>
      <translation>Champ du nom de l'exutoire</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="391" />
      <source>Reduced instance: {rows} merged demand rows × {sites} candidates (dominated ones dropped). Plan: {method}, objective {objective}; bound {bound} ({bound_method}); gap {gap} %. Times: {times}.</source>
      <translation>Instance réduite : {rows} lignes de demande fusionnées × {sites} candidats (les dominés écartés). Plan : {method}, objectif {objective} ; borne {bound} ({bound_method}) ; écart {gap} %. Temps : {times}.</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="342" />
      <location filename="../ui/suitability_editor.py" line="749" />
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="576" />
      <source>Removed a temporary file left by an interrupted run: {path}</source>
      <translation>Fichier temporaire laissé par un traitement interrompu supprimé : {path}</translation>
    </message>
    <message>
      <location filename="../maps/layout.py" line="711" />
      <source>Rendering the map and writing {path}…</source>
      <translation>Rendu de la carte et écriture de {path}…</translation>
    </message>
    <message>
      <location filename="../maps/layout.py" line="709" />
      <source>Rendering {pages} pages and writing {path}…</source>
      <translation>Rendu des {pages} pages et écriture de {path}…</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="17" />
      <source>Residential</source>
      <translation>Résidentiel</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="78" />
      <source>Residential (low-rise)</source>
      <translation>Résidentiel (peu élevé)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="227" />
      <source>Residents within reach of a facility, per commune</source>
      <translation>Habitants à portée d'une installation, par commune</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="36" />
      <source>Resolution</source>
      <translation>Résolution</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="49" />
      <source>Resource synergies (industrial symbiosis Toile)</source>
      <translation>Synergies de ressources (Toile de la symbiose industrielle)</translation>
    </message>
    <message>
      <location filename="../algorithms/_engine_io.py" line="108" />
      <source>Road network: {edges} lines, {parts} connected parts.</source>
      <translation>Réseau routier : {edges} tronçons, {parts} parties connexes.</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="110" />
      <source>Roads</source>
      <translation>Routes</translation>
    </message>
    <message>
      <location filename="../algorithms/_engine_io.py" line="38" />
      <source>Roads (for distances along the roads)</source>
      <translation>Routes (pour les distances le long des routes)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="183" />
      <source>Roads, BD TOPO (roads)</source>
      <translation>Routes, BD TOPO (roads)</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="105" />
      <source>Roof area field (m²)</source>
      <translation>Champ de la surface de toiture (m²)</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="102" />
      <source>Roof identifier field</source>
      <translation>Champ identifiant de la toiture</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="180" />
      <source>Roof solar potential (solar)</source>
      <translation>Potentiel solaire des toitures (solar)</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="97" />
      <source>Roofs (solar cadastre)</source>
      <translation>Toitures (cadastre solaire)</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="99" />
      <source>Roofs of a point site within</source>
      <translation>Toitures d'un site ponctuel à moins de</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="132" />
      <source>Roofs with solar potential</source>
      <translation>Toitures avec potentiel solaire</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="79" />
      <source>Rooftop solar potential</source>
      <translation>Potentiel solaire en toiture</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="1092" />
      <source>Rows {first}–{last}</source>
      <translation>Lignes {first} à {last}</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="96" />
      <source>Rules (JSON; empty: the bundled rules)</source>
      <translation>Règles (JSON ; vide : les règles fournies)</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="120" />
      <source>Run even if the AHP consistency ratio is 0.10 or more</source>
      <translation>Exécuter même si le ratio de cohérence AHP est de 0,10 ou plus</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="314" />
      <source>Run…</source>
      <translation>Exécuter…</translation>
    </message>
    <message>
      <location filename="../engine/opendata/waste_points.py" line="334" />
      <source>SINOE /lines failed ({error}); trying the /raw CSV</source>
      <translation>Échec de SINOE /lines ({error}) ; essai du CSV /raw</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="33" />
      <source>SVG</source>
      <translation>SVG</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="174" />
      <source>Sample territory (bundled, offline)</source>
      <translation>Territoire d'exemple (fourni, hors ligne)</translation>
    </message>
    <message>
      <location filename="../engine/opendata/options.py" line="29" />
      <source>Sample: the bundled sample territory (sample)</source>
      <translation>Exemple : le territoire d'exemple fourni (sample)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="905" />
      <source>Save the suitability model</source>
      <translation>Enregistrer le modèle d'aptitude</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="313" />
      <source>Save…</source>
      <translation>Enregistrer…</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="701" />
      <source>Scoring candidate sites</source>
      <translation>Notation des sites candidats</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="317" />
      <source>Searching geo.api.gouv.fr for “{text}”…</source>
      <translation>Recherche de « {text} » sur geo.api.gouv.fr…</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="335" />
      <source>Selected: {name} — {kind} {code}</source>
      <translation>Sélection : {name} — {kind} {code}</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="707" />
      <source>Sensitivity of the ranking to the weights</source>
      <translation>Sensibilité du classement aux pondérations</translation>
    </message>
    <message>
      <location filename="../engine/suitability_options.py" line="35" />
      <source>Sensitivity: Monte Carlo runs (0 = none)</source>
      <translation>Sensibilité : nombre de tirages Monte-Carlo (0 = aucun)</translation>
    </message>
    <message>
      <location filename="../engine/suitability_options.py" line="38" />
      <source>Sensitivity: weight perturbation (± %)</source>
      <translation>Sensibilité : perturbation des pondérations (± %)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="92" />
      <source>Served within (m)</source>
      <translation>Desservi à moins de (m)</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="115" />
      <source>Service of the survey's needs (e.g. restaurant)</source>
      <translation>Service des besoins de l'enquête (par exemple restaurant)</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="126" />
      <source>Seveso status field</source>
      <translation>Champ du statut Seveso</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="155" />
      <source>Share of locations reaching the level</source>
      <translation>Part des emplacements atteignant le niveau</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="64" />
      <source>Shared facility site</source>
      <translation>Site d'un équipement partagé</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="155" />
      <location filename="../algorithms/shared_facility.py" line="264" />
      <source>Shared facility summary</source>
      <translation>Synthèse de l'équipement partagé</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="150" />
      <source>Shares per zone need a demand layer (buildings with population or POIs).</source>
      <translation>Les parts par zone nécessitent une couche de demande (bâtiments avec population ou points d'intérêt).</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="83" />
      <source>Sigmoid (S-curve)</source>
      <translation>Sigmoïde (courbe en S)</translation>
    </message>
    <message>
      <location filename="../engine/suitability_options.py" line="31" />
      <source>Site area</source>
      <translation>Surface du site</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="108" />
      <source>Site identifier field</source>
      <translation>Champ identifiant du site</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="109" />
      <source>Site name field</source>
      <translation>Champ du nom du site</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="77" />
      <source>Site suitability (multi-criteria)</source>
      <translation>Aptitude des sites (multicritère)</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="58" />
      <source>Site suitability model…</source>
      <translation>Modèle d'aptitude des sites…</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="120" />
      <source>Sites to check (industrial sites, port zones, candidate sites)</source>
      <translation>Sites à vérifier (sites industriels, zones portuaires, sites candidats)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="35" />
      <source>Snapping tolerance to the roads (m)</source>
      <translation>Tolérance d'accrochage aux routes (m)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="107" />
      <source>Solar cadastre</source>
      <translation>Cadastre solaire</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="227" />
      <source>Solar cadastre fields are given without a solar cadastre.</source>
      <translation>Des champs de cadastre solaire sont indiqués sans cadastre solaire.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/options.py" line="38" />
      <source>Solar cadastre fields, e.g. irradiation=IRR_MOY;usable_area=SURF_UTILE;potential_kwp=KWC</source>
      <translation>Champs du cadastre solaire, ex. irradiation=IRR_MOY;usable_area=SURF_UTILE;potential_kwp=KWC</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="242" />
      <source>Solar potential</source>
      <translation>Potentiel solaire</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="166" />
      <source>Solar potential of industrial sites</source>
      <translation>Potentiel solaire des sites industriels</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="148" />
      <source>Solar potential per roof</source>
      <translation>Potentiel solaire par toiture</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="157" />
      <location filename="../algorithms/solar_potential.py" line="248" />
      <source>Solar potential per zone</source>
      <translation>Potentiel solaire par zone</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="249" />
      <source>Solar sites</source>
      <translation>Potentiel solaire des sites</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="190" />
      <source>Solution method</source>
      <translation>Méthode de résolution</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="493" />
      <source>Solving the maximal covering problem</source>
      <translation>Résolution du problème de couverture maximale</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="65" />
      <source>Some algorithms need Python packages missing from this QGIS: {names}. Install the packages of requirements.txt (QPIP plugin; OSGeo4W: python3-scipy, python3-geopandas, python3-rasterio, python3-requests, python3-networkx); details in the Processing log.</source>
      <translation>Certains algorithmes nécessitent des paquets Python absents de ce QGIS : {names}. Installez les paquets de requirements.txt (extension QPIP ; OSGeo4W : python3-scipy, python3-geopandas, python3-rasterio, python3-requests, python3-networkx) ; détails dans le journal de Traitement.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/options.py" line="20" />
      <location filename="../ui/dock.py" line="168" />
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="251" />
      <source>Source and licence</source>
      <translation>Source et licence</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="88" />
      <source>Specific yield for roofs without irradiation (kWh/kWp/yr, e.g. PVGIS)</source>
      <translation>Productible spécifique des toitures sans irradiation (kWh/kWc/an, ex. PVGIS)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="182" />
      <source>Speed for the times</source>
      <translation>Vitesse pour les temps</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="66" />
      <source>Spread</source>
      <translation>Étalement</translation>
    </message>
    <message>
      <location filename="../engine/fibre_options.py" line="36" />
      <source>Square grid cell</source>
      <translation>Cellule de grille carrée</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="25" />
      <source>Straight line</source>
      <translation>À vol d'oiseau</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="115" />
      <source>Street furniture (hotspot sites)</source>
      <translation>Mobilier urbain (sites de bornes)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="188" />
      <source>Street furniture for hotspots, sample only (street_furniture)</source>
      <translation>Mobilier urbain pour bornes Wi-Fi, exemple uniquement (street_furniture)</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="101" />
      <source>Study extent (default: the hotspots or the demand widened by the maximum range; placement ignores the demand outside it)</source>
      <translation>Emprise d'étude (par défaut : les bornes ou la demande élargies de la portée maximale ; le placement ignore la demande située hors de l'emprise)</translation>
    </message>
    <message>
      <location filename="../algorithms/_layer_io.py" line="439" />
      <source>Style and sources stored in the GeoPackage table {table}.</source>
      <translation>Style et sources enregistrés dans la table {table} du GeoPackage.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="155" />
      <source>Style not found: {styles} (give a family of resources/styles or a .qml file).</source>
      <translation>Style introuvable : {styles} (indiquez une famille de resources/styles ou un fichier .qml).</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="83" />
      <source>Styles, in the order of the layers, separated by ';': a style family (waste_flows, wifi_rssi…) or a .qml file; empty keeps the automatic style</source>
      <translation>Styles, dans l'ordre des couches, séparés par « ; » : une famille de styles (waste_flows, wifi_rssi…) ou un fichier .qml ; vide : style automatique</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="205" />
      <source>Styling the layers…</source>
      <translation>Application des styles aux couches…</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="23" />
      <location filename="../engine/layout_options.py" line="44" />
      <source>Subtitle</source>
      <translation>Sous-titre</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="145" />
      <location filename="../algorithms/site_suitability.py" line="290" />
      <source>Suitability (0–100)</source>
      <translation>Aptitude (0–100)</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="80" />
      <location filename="../algorithms/site_suitability.py" line="98" />
      <source>Suitability model (JSON file path or JSON text)</source>
      <translation>Modèle d'aptitude (chemin d'un fichier JSON ou texte JSON)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="302" />
      <source>Suitability model editor</source>
      <translation>Éditeur de modèle d'aptitude</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="229" />
      <source>Suitability model…</source>
      <translation>Modèle d'aptitude…</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="143" />
      <source>Suitability raster (0-100)</source>
      <translation>Raster d'aptitude (0-100)</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="75" />
      <source>Suitability raster (0–100)</source>
      <translation>Raster d'aptitude (0–100)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="153" />
      <source>Suitability used as</source>
      <translation>Aptitude utilisée comme</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="143" />
      <location filename="../algorithms/wifi_placement.py" line="191" />
      <source>Summary</source>
      <translation>Synthèse</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="74" />
      <source>Surface model (DSM: ground + buildings + trees)</source>
      <translation>Modèle de surface (MNS : sol + bâtiments + arbres)</translation>
    </message>
    <message>
      <location filename="../algorithms/symbiosis_template.py" line="61" />
      <source>Survey (CSV)</source>
      <translation>Enquête (CSV)</translation>
    </message>
    <message>
      <location filename="../algorithms/symbiosis_template.py" line="51" />
      <source>Survey (GeoPackage)</source>
      <translation>Enquête (GeoPackage)</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="74" />
      <source>Survey (GeoPackage, CSV or XLSX)</source>
      <translation>Enquête (GeoPackage, CSV ou XLSX)</translation>
    </message>
    <message>
      <location filename="../algorithms/symbiosis_template.py" line="62" />
      <source>Survey (XLSX)</source>
      <translation>Enquête (XLSX)</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="111" />
      <location filename="../algorithms/resource_synergies.py" line="172" />
      <source>Survey rows set aside</source>
      <translation>Lignes de l'enquête écartées</translation>
    </message>
    <message>
      <location filename="../algorithms/_survey_io.py" line="71" />
      <source>Survey: {read} rows read, {used} usable, {set_aside} set aside.</source>
      <translation>Enquête : {read} lignes lues, {used} utilisables, {set_aside} écartées.</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="108" />
      <location filename="../algorithms/resource_synergies.py" line="167" />
      <source>Synergies</source>
      <translation>Synergies</translation>
    </message>
    <message>
      <location filename="../algorithms/synergy_dossier.py" line="50" />
      <source>Synergies (output of Resource synergies)</source>
      <translation>Synergies (résultat de Synergies de ressources)</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="112" />
      <location filename="../algorithms/resource_synergies.py" line="173" />
      <source>Synergies summary</source>
      <translation>Synthèse des synergies</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="155" />
      <location filename="../algorithms/waste_flows.py" line="277" />
      <source>Synergy candidates</source>
      <translation>Synergies potentielles</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="69" />
      <source>Synergy candidates per waste (0 = none)</source>
      <translation>Synergies potentielles par déchet (0 = aucune)</translation>
    </message>
    <message>
      <location filename="../algorithms/synergy_dossier.py" line="34" />
      <source>Synergy dossier (PDF)</source>
      <translation>Dossier des synergies (PDF)</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="64" />
      <source>Synergy pages at most</source>
      <translation>Pages de synergies au plus</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="112" />
      <source>Target CRS (projected; default EPSG:2154)</source>
      <translation>SCR cible (projeté ; EPSG:2154 par défaut)</translation>
    </message>
    <message>
      <location filename="../engine/fibre_options.py" line="41" />
      <source>Target FTTH rate (%): zones below it are flagged</source>
      <translation>Taux FTTH cible (%) : les zones en dessous sont signalées</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="131" />
      <source>Target coordinate reference system (Lambert-93 when unset)</source>
      <translation>Système de coordonnées de référence cible (Lambert-93 si non défini)</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="242" />
      <source>Target share of the demand within usable signal</source>
      <translation>Part cible de la demande recevant un signal exploitable</translation>
    </message>
    <message>
      <location filename="../algorithms/_wifi.py" line="95" />
      <source>Terrain (DTM)</source>
      <translation>Terrain (MNT)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="114" />
      <source>Terrain model</source>
      <translation>Modèle numérique de terrain</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="166" />
      <source>Terrain model as a GeoTIFF too (for tools that cannot read GeoPackage rasters)</source>
      <translation>Modèle numérique de terrain également en GeoTIFF (pour les outils qui ne lisent pas les rasters GeoPackage)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="187" />
      <source>Terrain model, sample only (terrain)</source>
      <translation>Modèle numérique de terrain, exemple uniquement (terrain)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="123" />
      <source>Territoire</source>
      <translation>Territoire</translation>
    </message>
    <message>
      <location filename="../algorithms/provider.py" line="62" />
      <source>Territoire numérique</source>
      <translation>Territoire numérique</translation>
    </message>
    <message>
      <location filename="../algorithms/provider.py" line="65" />
      <source>Territoire numérique — decision support for port and industrial territories</source>
      <translation>Territoire numérique — aide à la décision pour les territoires portuaires et industriels</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="53" />
      <source>Territoire panel</source>
      <translation>Panneau Territoire</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="45" />
      <location filename="../ui/dock.py" line="133" />
      <source>Territory</source>
      <translation>Territoire</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="144" />
      <source>Territory (for the share treated within it)</source>
      <translation>Territoire (pour la part traitée sur son périmètre)</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="54" />
      <source>Territory (shown on the cover)</source>
      <translation>Territoire (affiché sur la couverture)</translation>
    </message>
    <message>
      <location filename="../engine/opendata/territory.py" line="107" />
      <source>Territory not found in {where}: {codes}.</source>
      <translation>Territoire introuvable dans {where} : {codes}.</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="140" />
      <location filename="../algorithms/territory_profile.py" line="227" />
      <source>Territory profile</source>
      <translation>Profil de territoire</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="82" />
      <source>Territory profile per commune</source>
      <translation>Profil de territoire par commune</translation>
    </message>
    <message>
      <location filename="../engine/opendata/geo_api.py" line="148" />
      <source>Territory search on geo.api.gouv.fr failed: {error}</source>
      <translation>La recherche du territoire sur geo.api.gouv.fr a échoué : {error}</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="114" />
      <source>Territory: INSEE commune codes (comma-separated) or EPCI SIREN</source>
      <translation>Territoire : codes INSEE des communes (séparés par des virgules) ou SIREN de l'EPCI</translation>
    </message>
    <message>
      <location filename="../engine/opendata/loader.py" line="211" />
      <source>Territory: {name} ({count} communes)</source>
      <translation>Territoire : {name} ({count} communes)</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="374" />
      <source>The AHP judgements are inconsistent: CR = {cr:.3f} (must be below 0.10). The most inconsistent pair is {first} vs {second}: judged {judged:g}, about {implied:.2g} would be consistent with the others. Revise it, or allow inconsistent judgements.</source>
      <translation>Les jugements AHP sont incohérents : RC = {cr:.3f} (doit être inférieur à 0,10). La paire la plus incohérente est {first} / {second} : jugée {judged:g}, une valeur d'environ {implied:.2g} serait cohérente avec les autres. Révisez-la, ou autorisez les jugements incohérents.</translation>
    </message>
    <message>
      <location filename="../engine/fibre.py" line="133" />
      <source>The FTTH target must be a percentage between 0 and 100 (got {value}).</source>
      <translation>L'objectif FTTH doit être un pourcentage entre 0 et 100 (valeur indiquée : {value}).</translation>
    </message>
    <message>
      <location filename="../engine/opendata/gpkg.py" line="179" />
      <location filename="../engine/opendata/gpkg.py" line="196" />
      <source>The GeoPackage {path} has no table {table}.</source>
      <translation>Le GeoPackage {path} n'a pas de table {table}.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/irep.py" line="174" />
      <source>The IREP archive {url} has no establishments file.</source>
      <translation>L'archive IREP {url} ne contient pas de fichier des établissements.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/irep.py" line="142" />
      <source>The IREP file {member} has no {column} column (its columns: {columns}).</source>
      <translation>Le fichier IREP {member} n'a pas de colonne {column} (ses colonnes : {columns}).</translation>
    </message>
    <message>
      <location filename="../engine/opendata/irep.py" line="170" />
      <source>The IREP file {url} is not a valid zip archive.</source>
      <translation>Le fichier IREP {url} n'est pas une archive zip valide.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="493" />
      <location filename="../engine/waste_flows.py" line="260" />
      <source>The allocation solver failed: {reason}</source>
      <translation>Le solveur d'affectation a échoué : {reason}</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="149" />
      <source>The analysis CRS</source>
      <translation>Le SCR de l'analyse</translation>
    </message>
    <message>
      <location filename="../engine/opendata/tabular.py" line="35" />
      <source>The archive {path} holds no CSV file.</source>
      <translation>L'archive {path} ne contient aucun fichier CSV.</translation>
    </message>
    <message>
      <location filename="../maps/atlas.py" line="64" />
      <source>The atlas layer {name} has no feature: there is no page to make.</source>
      <translation>La couche d'atlas {name} n'a aucune entité : il n'y a aucune page à produire.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="238" />
      <source>The best coverage within a budget</source>
      <translation>La meilleure couverture dans un budget</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="202" />
      <source>The budget mode needs a budget.</source>
      <translation>Le mode budget nécessite un budget.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="173" />
      <source>The budget mode needs a positive budget.</source>
      <translation>Le mode budget nécessite un budget positif.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_propagation.py" line="453" />
      <source>The buildings could not be rasterised: {reason}</source>
      <translation>Les bâtiments n'ont pas pu être rastérisés : {reason}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/loader.py" line="204" />
      <source>The bundled sample GeoPackage is missing: {path}</source>
      <translation>Le GeoPackage d'exemple fourni est introuvable : {path}</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="291" />
      <source>The candidate layer {layer} has no point.</source>
      <translation>La couche de candidats {layer} n'a aucun point.</translation>
    </message>
    <message>
      <location filename="../engine/indicators.py" line="114" />
      <source>The cell size must be positive (got {size} m).</source>
      <translation>La taille de cellule doit être positive (valeur indiquée : {size} m).</translation>
    </message>
    <message>
      <location filename="../engine/raster_grid.py" line="73" />
      <source>The cell size must be positive, not {size}.</source>
      <translation>La taille de cellule doit être positive, et non {size}.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/loader.py" line="276" />
      <source>The disk is full: loading stopped at {family}, the previous output is intact; only {available} MB are free in {folder}. Free some space or choose another folder.</source>
      <translation>Le disque est plein : le chargement s'est arrêté à {family}, le résultat précédent est intact ; il ne reste que {available} Mo libres dans {folder}. Libérez de la place ou choisissez un autre dossier.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="479" />
      <source>The disk is full: the run stopped and the previous outputs are intact; only {available} MB are free in {folder}. Free some space or choose another folder.</source>
      <translation>Le disque est plein : le traitement s'est arrêté et les résultats précédents sont intacts ; il ne reste que {available} Mo libres dans {folder}. Libérez de la place ou choisissez un autre dossier.</translation>
    </message>
    <message>
      <location filename="../engine/fibre.py" line="172" />
      <source>The distance for fibre at a site cannot be negative (got {value} m).</source>
      <translation>La distance pour la fibre sur un site ne peut pas être négative (valeur indiquée : {value} m).</translation>
    </message>
    <message>
      <location filename="../engine/http_client.py" line="213" />
      <source>The download from {service} was interrupted (network lost?): {url}.</source>
      <translation>Le téléchargement depuis {service} a été interrompu (réseau perdu ?) : {url}.</translation>
    </message>
    <message>
      <location filename="../engine/profile.py" line="149" />
      <source>The déchèterie distance cannot be negative (got {value} m).</source>
      <translation>La distance aux déchèteries ne peut pas être négative (valeur indiquée : {value} m).</translation>
    </message>
    <message>
      <location filename="../engine/raster_grid.py" line="76" />
      <source>The extent {bounds} is empty.</source>
      <translation>L'emprise {bounds} est vide.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="237" />
      <source>The fewest hotspots reaching a target share</source>
      <translation>Le moins de bornes possible pour atteindre une part cible</translation>
    </message>
    <message>
      <location filename="../engine/fibre.py" line="100" />
      <source>The fibre layer has no field {field} (FTTH eligibility).</source>
      <translation>La couche fibre n'a pas de champ {field} (éligibilité FTTH).</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="170" />
      <source>The fibre layer {layer} has no FTTH eligibility field {field}: choose one.</source>
      <translation>La couche fibre {layer} n'a pas de champ d'éligibilité FTTH {field} : choisissez-en un.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="448" />
      <source>The field “{field}” chosen for “{parameter}” is not in the layer {layer}; its fields are: {fields}.</source>
      <translation>Le champ « {field} » choisi pour « {parameter} » n'est pas dans la couche {layer} ; ses champs sont : {fields}.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="406" />
      <source>The file {path} given for “{parameter}” does not exist.</source>
      <translation>Le fichier {path} donné pour « {parameter} » n'existe pas.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="414" />
      <source>The file {path} given for “{parameter}” is not an image (it is {kind}): give an SVG, PNG or JPEG file.</source>
      <translation>Le fichier {path} donné pour « {parameter} » n'est pas une image (c'est {kind}) : donnez un fichier SVG, PNG ou JPEG.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="420" />
      <source>The file {path} given for “{parameter}” is not {expected} (it is {kind}).</source>
      <translation>Le fichier {path} donné pour « {parameter} » n'est pas {expected} (c'est {kind}).</translation>
    </message>
    <message>
      <location filename="../engine/raster_grid.py" line="262" />
      <source>The filter '{where}' on layer '{layer}' is invalid: {reason}</source>
      <translation>Le filtre « {where} » sur la couche « {layer} » n'est pas valide : {reason}</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="272" />
      <source>The folder {folder} of “{output}” cannot be written (read-only or no permission): choose another folder.</source>
      <translation>Le dossier {folder} de « {output} » ne peut pas être écrit (lecture seule ou droits insuffisants) : choisissez un autre dossier.</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="118" />
      <source>The grid emission factor cannot be negative (got {value} g/kWh).</source>
      <translation>Le facteur d'émission du réseau ne peut pas être négatif (valeur indiquée : {value} g/kWh).</translation>
    </message>
    <message>
      <location filename="../engine/indicators.py" line="116" />
      <source>The grid extent is empty: the input layers have no features.</source>
      <translation>L'emprise de la grille est vide : les couches en entrée n'ont aucune entité.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="545" />
      <source>The grid of {width} × {height} cells ({cells:.1f} million) at {size:g} m needs about {need:.1f} GB of memory, more than the {limit:.1f} GB allowed. The suitability raster alone would be computed by blocks of rows (about {blocked:.1f} GB), but the sites need the whole grid: leave the sites out, or use larger cells or a smaller extent.</source>
      <translation>La grille de {width} × {height} cellules ({cells:.1f} millions) à {size:g} m demande environ {need:.1f} Go de mémoire, plus que les {limit:.1f} Go autorisés. Le raster d'aptitude seul serait calculé par blocs de lignes (environ {blocked:.1f} Go), mais les sites demandent la grille entière : retirez les sites, ou prenez des cellules plus grandes ou une emprise plus petite.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="537" />
      <source>The grid of {width} × {height} cells ({cells:.1f} million) at {size:g} m needs about {need:.1f} GB of memory, more than the {limit:.1f} GB allowed; even by blocks of rows it needs at least {blocked:.1f} GB (each distance is computed on the whole grid). Use larger cells or a smaller extent.</source>
      <translation>La grille de {width} × {height} cellules ({cells:.1f} millions) à {size:g} m demande environ {need:.1f} Go de mémoire, plus que les {limit:.1f} Go autorisés ; même par blocs de lignes il faut au moins {blocked:.1f} Go (chaque distance est calculée sur la grille entière). Prenez des cellules plus grandes ou une emprise plus petite.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="557" />
      <source>The grid of {width} × {height} cells ({cells:.1f} million) at {size:g} m would be computed by blocks of rows, but its temporary files need up to {disk:.1f} GB of disk and only {free:.1f} GB are free in {folder}. Use larger cells or a smaller extent.</source>
      <translation>La grille de {width} × {height} cellules ({cells:.1f} millions) à {size:g} m serait calculée par blocs de lignes, mais ses fichiers temporaires demandent jusqu'à {disk:.1f} Go de disque et seuls {free:.1f} Go sont libres dans {folder}. Prenez des cellules plus grandes ou une emprise plus petite.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="171" />
      <source>The grid would have {cells} million cells of {size} m, about {needed} MB of memory ({available} MB available): enlarge the cell size or give a smaller study extent.</source>
      <translation>La grille aurait {cells} millions de cellules de {size} m, environ {needed} Mo de mémoire ({available} Mo disponibles) : agrandissez la taille des cellules ou donnez une emprise d'étude plus petite.</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="170" />
      <source>The hotspot layer {layer} has no point.</source>
      <translation>La couche de bornes {layer} n'a aucun point.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="613" />
      <source>The include constraint layer '{layer}' has no features: nothing could be suitable.</source>
      <translation>La couche de contrainte d'inclusion « {layer} » n'a aucune entité : aucun emplacement ne pourrait être apte.</translation>
    </message>
    <message>
      <location filename="../engine/profile.py" line="250" />
      <source>The industrial sites have no Seveso field: Seveso count is NULL.</source>
      <translation>Les sites industriels n'ont pas de champ Seveso : le nombre de sites Seveso vaut NULL.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="370" />
      <source>The layer {layer} given for “{parameter}” has no coordinate reference system: assign one (e.g. EPSG:2154) in its properties or with “Assign projection”.</source>
      <translation>La couche {layer} donnée pour « {parameter} » n'a pas de système de coordonnées de référence : attribuez-en un (par ex. EPSG:2154) dans ses propriétés ou avec « Définir la projection ».</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="389" />
      <source>The layer {layer} given for “{parameter}” has no feature.</source>
      <translation>La couche {layer} donnée pour « {parameter} » n'a aucune entité.</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="191" />
      <source>The layer {layer} has no field {field} ({what}): choose one.</source>
      <translation>La couche {layer} n'a pas de champ {field} ({what}) : choisissez-en un.</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="166" />
      <source>The layer {layer} has no field {field} to group by.</source>
      <translation>La couche {layer} n'a pas de champ {field} pour le regroupement.</translation>
    </message>
    <message>
      <location filename="../algorithms/_layer_io.py" line="94" />
      <source>The layer {layer} has no field {field}.</source>
      <translation>La couche {layer} n'a pas de champ {field}.</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="167" />
      <source>The layer {layer} has no field {field}: choose it with {parameter}.</source>
      <translation>La couche {layer} n'a pas de champ {field} : choisissez-le avec {parameter}.</translation>
    </message>
    <message>
      <location filename="../maps/layout.py" line="348" />
      <source>The layout has no map item.</source>
      <translation>La mise en page n'a pas d'élément carte.</translation>
    </message>
    <message>
      <location filename="../maps/layout.py" line="123" />
      <source>The layout template {path} could not be read.</source>
      <translation>Le modèle de mise en page {path} n'a pas pu être lu.</translation>
    </message>
    <message>
      <location filename="../maps/layout.py" line="125" />
      <source>The layout template {path} has no map item.</source>
      <translation>Le modèle de mise en page {path} n'a pas d'élément carte.</translation>
    </message>
    <message>
      <location filename="../maps/layout.py" line="119" />
      <source>The layout template {path} is not a valid .qpt (XML) file.</source>
      <translation>Le modèle de mise en page {path} n'est pas un fichier .qpt (XML) valide.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_propagation.py" line="108" />
      <source>The location probability must be between 0 and 100 % (got {value}).</source>
      <translation>La probabilité d'emplacement doit être comprise entre 0 et 100 % (valeur indiquée : {value}).</translation>
    </message>
    <message>
      <location filename="../engine/shared_facility.py" line="125" />
      <source>The location solver failed: {reason}</source>
      <translation>Le solveur de localisation a échoué : {reason}</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="191" />
      <source>The map</source>
      <translation>La carte</translation>
    </message>
    <message>
      <location filename="../maps/layout.py" line="658" />
      <source>The map could not be exported to {path}: {reason}.</source>
      <translation>La carte n'a pas pu être exportée vers {path} : {reason}.</translation>
    </message>
    <message>
      <location filename="../maps/export.py" line="90" />
      <source>The map extent holds no feature of the layers: the map will be blank. Check the extent and the layers' coordinate reference systems.</source>
      <translation>L'emprise de la carte ne contient aucune entité des couches : la carte sera vide. Vérifiez l'emprise et les systèmes de coordonnées des couches.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_propagation.py" line="209" />
      <source>The maximum range must be positive (got {value} m).</source>
      <translation>La portée maximale doit être positive (valeur indiquée : {value} m).</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="126" />
      <source>The minimum roof area cannot be negative (got {value} m²).</source>
      <translation>La surface minimale de toiture ne peut pas être négative (valeur indiquée : {value} m²).</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="134" />
      <source>The model file {path} does not exist.</source>
      <translation>Le fichier de modèle {path} n'existe pas.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="152" />
      <source>The model has no criteria.</source>
      <translation>Le modèle n'a aucun critère.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="140" />
      <source>The model is not valid JSON: {reason} (line {line}, column {column}).</source>
      <translation>Le modèle n'est pas un JSON valide : {reason} (ligne {line}, colonne {column}).</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="890" />
      <source>The model is valid.</source>
      <translation>Le modèle est valide.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="147" />
      <source>The model must be a JSON object with 'criteria' and 'weights'.</source>
      <translation>Le modèle doit être un objet JSON avec « criteria » et « weights ».</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="376" />
      <source>The network is down and the cache is empty: load the bundled sample territory.</source>
      <translation>Le réseau est indisponible et le cache est vide : chargez le territoire d'exemple fourni.</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="371" />
      <source>The network is down: load the territory from the cache (last download on {date}) or the bundled sample territory.</source>
      <translation>Le réseau est indisponible : chargez le territoire depuis le cache (dernier téléchargement le {date}) ou le territoire d'exemple fourni.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="313" />
      <source>The network is down: the territory is loaded from the cache.</source>
      <translation>Le réseau est indisponible : le territoire est chargé depuis le cache.</translation>
    </message>
    <message>
      <location filename="../engine/shared_facility.py" line="142" />
      <source>The number of facilities must be at least 1.</source>
      <translation>Le nombre d'équipements doit être au moins 1.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="171" />
      <source>The number of new hotspots must be at least 1.</source>
      <translation>Le nombre de nouvelles bornes doit être d'au moins 1.</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="74" />
      <source>The output file name ends in .{suffix} but the format is {format}: make them agree.</source>
      <translation>Le nom du fichier de sortie se termine par .{suffix} mais le format est {format} : mettez-les en accord.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="212" />
      <location filename="../algorithms/load_open_data.py" line="258" />
      <source>The output folder cannot be written: {path}</source>
      <translation>Le dossier de sortie n'est pas accessible en écriture : {path}</translation>
    </message>
    <message>
      <location filename="../algorithms/_maps.py" line="66" />
      <location filename="../algorithms/site_suitability.py" line="191" />
      <source>The output folder {folder} cannot be written to.</source>
      <translation>Le dossier de sortie {folder} n'est pas accessible en écriture.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="210" />
      <source>The output must be a GeoPackage (.gpkg): {path}</source>
      <translation>La sortie doit être un GeoPackage (.gpkg) : {path}</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="643" />
      <source>The output “{output}” is empty: no feature met the conditions. Check the inputs, thresholds and distances.</source>
      <translation>Le résultat « {output} » est vide : aucune entité ne remplit les conditions. Vérifiez les données d'entrée, les seuils et les distances.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="278" />
      <source>The output “{output}” is the input “{input}”: writing it would destroy the input. Choose another file name (a new table in the same GeoPackage is allowed).</source>
      <translation>Le résultat « {output} » est l'entrée « {input} » : l'écrire détruirait l'entrée. Choisissez un autre nom de fichier (une nouvelle table dans le même GeoPackage est permise).</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="294" />
      <source>The outputs “{first}” and “{second}” are the same file: the second would replace the first. Give each output its own file or table.</source>
      <translation>Les résultats « {first} » et « {second} » sont le même fichier : le second remplacerait le premier. Donnez à chaque résultat son propre fichier ou sa propre table.</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="106" />
      <source>The panel density must be positive (got {value} kWp/m²).</source>
      <translation>La densité de panneaux doit être positive (valeur indiquée : {value} kWc/m²).</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="110" />
      <source>The performance ratio must be between 0 and 1 (got {value}).</source>
      <translation>Le ratio de performance doit être compris entre 0 et 1 (valeur indiquée : {value}).</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="250" />
      <source>The plan and its proven bound come first; branch-and-bound then runs while the gap is above 0.5 %, at most this long (60 s by default). The gap reached is always reported.</source>
      <translation>Le plan et sa borne prouvée viennent d'abord ; la séparation et évaluation (branch-and-bound) tourne ensuite tant que l'écart dépasse 0,5 %, au plus ce temps (60 s par défaut). L'écart atteint est toujours indiqué.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/port_zones.py" line="84" />
      <source>The port zones file cannot be read as a vector layer: {path}</source>
      <translation>Le fichier des zones portuaires ne peut pas être lu comme couche vecteur : {path}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/port_zones.py" line="88" />
      <source>The port zones file has no coordinate reference system: {path}</source>
      <translation>Le fichier des zones portuaires n'a pas de système de coordonnées de référence : {path}</translation>
    </message>
    <message>
      <location filename="../engine/waste_flows.py" line="872" />
      <source>The receivers layer has no feature.</source>
      <translation>La couche des exutoires n'a aucune entité.</translation>
    </message>
    <message>
      <location filename="../engine/road_network.py" line="38" />
      <source>The road layer has no line to build a network from.</source>
      <translation>La couche de routes n'a aucune ligne à partir de laquelle construire un réseau.</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="199" />
      <source>The roofs have no use field: every use is kept.</source>
      <translation>Les toitures n'ont pas de champ d'usage : tous les usages sont conservés.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="144" />
      <source>The rules file {path} cannot be read: {reason}</source>
      <translation>Le fichier de règles {path} est illisible : {reason}</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="149" />
      <source>The rules file {path} has no resources object.</source>
      <translation>Le fichier de règles {path} n'a pas d'objet resources.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="154" />
      <source>The rules of {resource} lack {keys}.</source>
      <translation>Il manque {keys} aux règles de {resource}.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="485" />
      <source>The run stopped on an unexpected error: {error}. No output was written; the details are in the message log (Territoire numérique).</source>
      <translation>Le traitement s'est arrêté sur une erreur inattendue : {error}. Aucun résultat n'a été écrit ; le détail est dans le journal des messages (Territoire numérique).</translation>
    </message>
    <message>
      <location filename="../algorithms/_analysis_io.py" line="46" />
      <location filename="../algorithms/_engine_io.py" line="132" />
      <location filename="../algorithms/_layer_io.py" line="112" />
      <source>The run was cancelled: no output was written.</source>
      <translation>L'exécution a été annulée : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/loader.py" line="109" />
      <location filename="../engine/opendata/loader.py" line="127" />
      <source>The sample GeoPackage has no {table} table.</source>
      <translation>Le GeoPackage d'exemple n'a pas de table {table}.</translation>
    </message>
    <message>
      <location filename="../engine/http_client.py" line="181" />
      <source>The service {service} answered HTTP {code} ({meaning}) for {url}.</source>
      <translation>Le service {service} a répondu HTTP {code} ({meaning}) pour {url}.</translation>
    </message>
    <message>
      <location filename="../engine/http_client.py" line="174" />
      <source>The service {service} did not answer (no network?): {url}. Use the source “cache” or “sample” to work offline.</source>
      <translation>Le service {service} n'a pas répondu (pas de réseau ?) : {url}. Utilisez la source « cache » ou « sample » pour travailler hors ligne.</translation>
    </message>
    <message>
      <location filename="../engine/solar.py" line="162" />
      <location filename="../engine/solar_options.py" line="130" />
      <source>The site radius cannot be negative (got {value} m).</source>
      <translation>Le rayon de site ne peut pas être négatif (valeur indiquée : {value} m).</translation>
    </message>
    <message>
      <location filename="../maps/decision_dossier.py" line="590" />
      <source>The sites layer {name} has no scored site: there is nothing to report.</source>
      <translation>La couche des sites {name} n'a aucun site noté : il n'y a rien à présenter.</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="108" />
      <source>The sites layer {name} lacks the fields {fields}: use the 'Best sites' output of Site suitability.</source>
      <translation>La couche des sites {name} n'a pas les champs {fields} : utilisez la sortie « Meilleurs sites » d'Aptitude des sites.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/solar.py" line="176" />
      <source>The solar cadastre cannot be read as a vector layer: {path}</source>
      <translation>Le cadastre solaire ne peut pas être lu comme couche vecteur : {path}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/solar.py" line="156" />
      <source>The solar cadastre file does not exist: {path}</source>
      <translation>Le fichier du cadastre solaire n'existe pas : {path}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/solar.py" line="180" />
      <source>The solar cadastre has no coordinate reference system: {path}</source>
      <translation>Le cadastre solaire n'a pas de système de coordonnées de référence : {path}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/solar.py" line="185" />
      <source>The solar cadastre has no field {fields} (fields: {available}).</source>
      <translation>Le cadastre solaire n'a pas de champ {fields} (champs : {available}).</translation>
    </message>
    <message>
      <location filename="../engine/opendata/solar.py" line="140" />
      <source>The solar cadastre lacks potential_kwh and irradiation, and PVGIS is not reachable.</source>
      <translation>Le cadastre solaire n'a ni potential_kwh ni irradiation, et PVGIS n'est pas joignable.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="752" />
      <source>The solver process failed ({details}): solving in this process, Cancel will take effect when the solver ends.</source>
      <translation>Le processus du solveur a échoué ({details}) : résolution dans ce processus, l'annulation prendra effet à la fin du solveur.</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="114" />
      <source>The specific yield must be positive (got {value} kWh/kWp/yr).</source>
      <translation>Le productible spécifique doit être positif (valeur indiquée : {value} kWh/kWc/an).</translation>
    </message>
    <message>
      <location filename="../maps/export.py" line="49" />
      <source>The style {qml} could not be applied to {layer}: {reason}</source>
      <translation>Le style {qml} n'a pas pu être appliqué à {layer} : {reason}</translation>
    </message>
    <message>
      <location filename="../algorithms/symbiosis_template.py" line="73" />
      <source>The survey CRS</source>
      <translation>Le SCR de l'enquête</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="413" />
      <source>The survey file {path} cannot be read (GeoPackage, CSV or XLSX).</source>
      <translation>Le fichier d'enquête {path} est illisible (GeoPackage, CSV ou XLSX).</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="404" />
      <source>The survey file {path} does not exist.</source>
      <translation>Le fichier d'enquête {path} n'existe pas.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="423" />
      <source>The survey file {path} has no table with a role field.</source>
      <translation>Le fichier d'enquête {path} n'a aucune table avec un champ role.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="436" />
      <source>The survey has no column {columns}.</source>
      <translation>L'enquête n'a pas de colonne {columns}.</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="205" />
      <source>The survey has no need for the service {service}.</source>
      <translation>L'enquête n'a aucun besoin du service {service}.</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="155" />
      <source>The survey has no usable row: see the rows set aside (PROBLEMS).</source>
      <translation>L'enquête n'a aucune ligne utilisable : voir les lignes écartées (PROBLEMS).</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="254" />
      <location filename="../algorithms/site_suitability.py" line="222" />
      <source>The target CRS</source>
      <translation>Le SCR cible</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="601" />
      <source>The target CRS {crs} is geographic (degrees): choose a projected CRS in metres such as EPSG:2154.</source>
      <translation>Le SCR cible {crs} est géographique (degrés) : choisissez un SCR projeté en mètres tel que EPSG:2154.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="204" />
      <source>The target CRS {crs} is geographic (degrees): choose a projected CRS in metres, such as Lambert-93 (EPSG:2154).</source>
      <translation>Le SCR cible {crs} est géographique (degrés) : choisissez un SCR projeté en mètres, comme Lambert-93 (EPSG:2154).</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="185" />
      <source>The target must be between 0 and 100 % (got {value}).</source>
      <translation>La cible doit être comprise entre 0 et 100 % (valeur indiquée : {value}).</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="189" />
      <source>The target of {target} % cannot be reached: all candidates together cover {best} % of the demand.</source>
      <translation>La cible de {target} % ne peut pas être atteinte : l'ensemble des candidats couvre {best} % de la demande.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="349" />
      <source>The terrain GeoTIFF could not be written: {path}</source>
      <translation>Le GeoTIFF du terrain n'a pas pu être écrit : {path}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/gpkg.py" line="264" />
      <source>The terrain could not be cut to the territory.</source>
      <translation>Le terrain n'a pas pu être découpé selon le territoire.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="166" />
      <source>The total demand weight is zero: nothing to cover.</source>
      <translation>Le poids total de la demande est nul : rien à couvrir.</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="122" />
      <source>The usable share of a roof must be between 0 and 1 (got {value}).</source>
      <translation>La part utile d'une toiture doit être comprise entre 0 et 1 (valeur indiquée : {value}).</translation>
    </message>
    <message>
      <location filename="../engine/profile.py" line="256" />
      <source>The waste points have no kind field: every point counts.</source>
      <translation>Les points de collecte n'ont pas de champ de type : tous les points comptent.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="163" />
      <source>The water rules let {water} serve potable water: only potable water may.</source>
      <translation>Les règles de l'eau laissent {water} servir de l'eau potable : seule l'eau potable le peut.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="161" />
      <source>The water rules name unknown classes: {classes}.</source>
      <translation>Les règles de l'eau nomment des classes inconnues : {classes}.</translation>
    </message>
    <message>
      <location filename="../engine/profile.py" line="92" />
      <source>The zones have no field {field} to group by.</source>
      <translation>Les zones n'ont pas de champ {field} pour le regroupement.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="163" />
      <location filename="../engine/wifi_run.py" line="452" />
      <source>There is no candidate site to choose from.</source>
      <translation>Il n'y a aucun site candidat à choisir.</translation>
    </message>
    <message>
      <location filename="../engine/waste_access.py" line="44" />
      <source>There is no facility to measure access to (check the kind filter).</source>
      <translation>Il n'y a aucun équipement auquel mesurer l'accès (vérifiez le filtre par type).</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="298" />
      <source>There is no hotspot to compute.</source>
      <translation>Il n'y a aucune borne à calculer.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_map.py" line="179" />
      <source>There is nothing to map: give layers, or show some layers in the project.</source>
      <translation>Il n'y a rien à cartographier : indiquez des couches, ou affichez des couches dans le projet.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="130" />
      <source>Thermally efficient building</source>
      <translation>Bâtiment à haute efficacité thermique</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="164" />
      <source>This algorithm needs Python packages that this QGIS lacks: {packages}. Install them (QPIP plugin with requirements.txt; OSGeo4W or Debian/Ubuntu: {system_packages}), then restart QGIS.</source>
      <translation>Cet algorithme a besoin de paquets Python absents de ce QGIS : {packages}. Installez-les (extension QPIP avec requirements.txt ; OSGeo4W ou Debian/Ubuntu : {system_packages}), puis redémarrez QGIS.</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="431" />
      <source>This plan is the best possible (proven).</source>
      <translation>Ce plan est le meilleur possible (prouvé).</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="432" />
      <source>This plan is within {gap} % of the best possible (proven bound).</source>
      <translation>Ce plan est à {gap} % du meilleur possible (borne prouvée).</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="68" />
      <location filename="../ui/suitability_editor.py" line="85" />
      <source>Threshold</source>
      <translation>Seuil</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="169" />
      <source>Threshold for the share within (m, or min with the unit Minutes)</source>
      <translation>Seuil de la part desservie (m, ou min avec l'unité Minutes)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="175" />
      <source>Threshold unit</source>
      <translation>Unité du seuil</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="250" />
      <source>Time limit of the exact solver</source>
      <translation>Limite de temps du solveur exact</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="22" />
      <location filename="../engine/layout_options.py" line="43" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../engine/layout_options.py" line="53" />
      <source>Title (default: the model's name)</source>
      <translation>Titre (par défaut : le nom du modèle)</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="128" />
      <location filename="../algorithms/waste_flows.py" line="107" />
      <source>Tonnes per year field</source>
      <translation>Champ du tonnage (t/an)</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="151" />
      <location filename="../algorithms/solar_potential.py" line="243" />
      <source>Top roofs</source>
      <translation>Meilleures toitures</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="129" />
      <source>Traditional building</source>
      <translation>Bâtiment traditionnel</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="389" />
      <source>Transform</source>
      <translation>Transformation</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="52" />
      <source>Turns the survey of an industrial-symbiosis programme (territoire:symbiosis_template, filled: GeoPackage, CSV or XLSX) into synergies. Every row is checked: rows whose unit does not fit the resource, with a negative quantity, an unknown class or no place are listed in Problems, never dropped silently; rows without a point are placed through the ICPE / IREP layers by SIRET, then by site name. Offers match needs by the rules of a user-editable JSON (waste and materials on the List-of-Waste code hierarchy, heat by temperature with a margin, steam by pressure with a drop per km, water by a class matrix that never lets another class serve potable water, services by name), within a maximum distance per resource (straight or along the roads). One linear programme (HiGHS) allocates every resource together, minimising transport and pipe cost minus the value of the substituted supply, month by month for heat, steam and water. Outputs: synergy lines (curved arrows, one colour per resource family, width by quantity), each actor's balance, the unmet needs and unused offers with their reason, and the totals with the avoided purchases and CO2, the factors used and their sources. CLOSURE names actors that close: what breaks is reported. Confidential actors are not named unless asked.</source>
      <translation>Transforme l'enquête d'une démarche de symbiose industrielle (territoire:symbiosis_template, remplie : GeoPackage, CSV ou XLSX) en synergies. Chaque ligne est vérifiée : les lignes dont l'unité ne convient pas à la ressource, à quantité négative, de classe inconnue ou sans lieu sont listées dans Problems, jamais écartées en silence ; les lignes sans point sont placées grâce aux couches ICPE / IREP par SIRET, puis par nom de site. Les offres rencontrent les besoins selon les règles d'un JSON modifiable (déchets et matières sur la hiérarchie des codes déchets, chaleur par température avec une marge, vapeur par pression avec une perte par km, eau par une matrice de classes qui ne laisse jamais une autre classe servir de l'eau potable, services par nom), dans une distance maximale par ressource (à vol d'oiseau ou par la route). Un seul programme linéaire (HiGHS) affecte toutes les ressources ensemble en minimisant le coût de transport et de canalisation moins la valeur de l'approvisionnement remplacé, mois par mois pour la chaleur, la vapeur et l'eau. Résultats : lignes de synergie (flèches courbes, une couleur par famille de ressources, épaisseur selon la quantité), bilan de chaque acteur, besoins non couverts et offres inutilisées avec leur raison, et totaux avec les achats et le CO2 évités, les facteurs utilisés et leurs sources. CLOSURE nomme des acteurs qui ferment : ce qui casse est signalé. Les acteurs confidentiels ne sont pas nommés, sauf demande.</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="704" />
      <source>Type a judgement such as 3 or 1/3.</source>
      <translation>Saisissez un jugement tel que 3 ou 1/3.</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="154" />
      <location filename="../algorithms/waste_flows.py" line="275" />
      <source>Unallocated waste</source>
      <translation>Déchets non affectés</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="142" />
      <location filename="../algorithms/waste_access.py" line="232" />
      <source>Underserved areas</source>
      <translation>Zones mal desservies</translation>
    </message>
    <message>
      <location filename="../engine/opendata/overpass.py" line="43" />
      <source>Unexpected answer from Overpass ({url}): no elements.</source>
      <translation>Réponse inattendue d'Overpass ({url}) : aucun élément.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/solar.py" line="97" />
      <source>Unexpected answer from PVGIS ({url}): no outputs.totals.fixed.E_y.</source>
      <translation>Réponse inattendue de PVGIS ({url}) : pas de outputs.totals.fixed.E_y.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/waste_points.py" line="153" />
      <source>Unexpected answer from SINOE ({url}): no results.</source>
      <translation>Réponse inattendue de SINOE ({url}) : aucun résultat.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/bdtopo.py" line="133" />
      <source>Unexpected answer from the IGN WFS ({url}): no features.</source>
      <translation>Réponse inattendue du WFS de l'IGN ({url}) : aucune entité.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_propagation.py" line="207" />
      <source>Unknown building type {indoor} for the entry loss.</source>
      <translation>Type de bâtiment inconnu {indoor} pour l'affaiblissement de pénétration.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/gpkg.py" line="40" />
      <source>Unknown coordinate reference system: {crs}</source>
      <translation>Système de coordonnées de référence inconnu : {crs}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/loader.py" line="196" />
      <source>Unknown data families: {names}.</source>
      <translation>Familles de données inconnues : {names}.</translation>
    </message>
    <message>
      <location filename="../engine/endpoints.py" line="35" />
      <source>Unknown data source {source}.</source>
      <translation>Source de données inconnue {source}.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_propagation.py" line="205" />
      <source>Unknown environment {environment}.</source>
      <translation>Environnement inconnu {environment}.</translation>
    </message>
    <message>
      <location filename="../engine/indicators.py" line="112" />
      <source>Unknown grid kind {kind}: use square or hexagon.</source>
      <translation>Type de grille inconnu {kind} : utilisez square ou hexagon.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="169" />
      <source>Unknown match level {level} in the rules.</source>
      <translation>Niveau de correspondance inconnu {level} dans les règles.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_placement.py" line="161" />
      <source>Unknown placement mode {mode}.</source>
      <translation>Mode de placement inconnu {mode}.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_propagation.py" line="203" />
      <source>Unknown propagation model {model}.</source>
      <translation>Modèle de propagation inconnu {model}.</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="133" />
      <source>Unknown roof usage {usage}.</source>
      <translation>Usage de toiture inconnu {usage}.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/solar.py" line="62" />
      <source>Unknown solar field '{target}': use {allowed}.</source>
      <translation>Champ solaire inconnu « {target} » : utilisez {allowed}.</translation>
    </message>
    <message>
      <location filename="../engine/cache.py" line="121" />
      <location filename="../engine/opendata/loader.py" line="198" />
      <source>Unknown source '{mode}': use online, cache or sample.</source>
      <translation>Source inconnue « {mode} » : utilisez online, cache ou sample.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="356" />
      <source>Unknown survey format {format}.</source>
      <translation>Format d'enquête inconnu {format}.</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="110" />
      <location filename="../algorithms/resource_synergies.py" line="171" />
      <source>Unmet needs and unused offers</source>
      <translation>Besoins non couverts et offres inutilisées</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="77" />
      <source>Urban (dense, high-rise)</source>
      <translation>Urbain (dense, immeubles élevés)</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="106" />
      <source>Usable roof area field (m²)</source>
      <translation>Champ de la surface utile de toiture (m²)</translation>
    </message>
    <message>
      <location filename="../engine/solar_options.py" line="80" />
      <source>Usable share of the roof area when the usable area is unknown</source>
      <translation>Part utile de la surface de toiture lorsque la surface utile est inconnue</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="166" />
      <source>Usable signal threshold</source>
      <translation>Seuil de signal exploitable</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="207" />
      <source>Use the cache</source>
      <translation>Utiliser le cache</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="209" />
      <source>Use the sample</source>
      <translation>Utiliser l'exemple</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="27" />
      <source>Used for hotspots whose EIRP field is empty or not chosen. 20 dBm (100 mW) is the outdoor cap of the 2.4 GHz band in France and the EU.</source>
      <translation>Utilisée pour les bornes dont le champ de PIRE est vide ou non choisi. 20 dBm (100 mW) est le plafond en extérieur de la bande 2,4 GHz en France et dans l'UE.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="48" />
      <source>Used for hotspots whose frequency field is empty or not chosen. 2437 MHz is channel 6 of the 2.4 GHz band; 2.4, 5 or 6 are read as the centre of those bands.</source>
      <translation>Utilisée pour les bornes dont le champ de fréquence est vide ou non choisi. 2437 MHz est le canal 6 de la bande 2,4 GHz ; 2.4, 5 ou 6 sont lus comme le centre de ces bandes.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="38" />
      <source>Used for hotspots whose height field is empty or not chosen. 4 m: an access point on a lamp post or a façade.</source>
      <translation>Utilisée pour les bornes dont le champ de hauteur est vide ou non choisi. 4 m : un point d'accès sur un candélabre ou une façade.</translation>
    </message>
    <message>
      <location filename="../algorithms/_layer_io.py" line="429" />
      <source>Warnings: {warnings}</source>
      <translation>Avertissements : {warnings}</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="105" />
      <source>Waste code field (List of Waste, e.g. 07 07 08*)</source>
      <translation>Champ du code déchet (nomenclature européenne, ex. 07 07 08*)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="179" />
      <source>Waste collection points, SINOE and OSM (waste_points)</source>
      <translation>Points de collecte des déchets, SINOE et OSM (waste_points)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="98" />
      <source>Waste facilities (déchèteries, drop-off points)</source>
      <translation>Équipements de collecte des déchets (déchèteries, points d'apport volontaire)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="152" />
      <location filename="../algorithms/waste_flows.py" line="272" />
      <source>Waste flows</source>
      <translation>Flux de déchets</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="156" />
      <location filename="../algorithms/waste_flows.py" line="278" />
      <source>Waste flows summary</source>
      <translation>Synthèse des flux de déchets</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="75" />
      <source>Waste flows, synergies and closure scenario</source>
      <translation>Flux de déchets, synergies et scénario de fermeture</translation>
    </message>
    <message>
      <location filename="../algorithms/decision_dossier.py" line="88" />
      <source>Waste outlets: déchèteries, facilities (points)</source>
      <translation>Exutoires des déchets : déchèteries, installations (points)</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="130" />
      <source>Waste point kind field</source>
      <translation>Champ du type de point de collecte</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="106" />
      <source>Waste points (SINOE, OSM)</source>
      <translation>Points de collecte des déchets (SINOE, OSM)</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="129" />
      <source>Waste points (déchèteries)</source>
      <translation>Points de collecte des déchets (déchèteries)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="103" />
      <source>Waste producers (one row per site and waste code)</source>
      <translation>Producteurs de déchets (une ligne par site et code déchet)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="115" />
      <source>Waste receivers (treatment, recyclers, industrial users)</source>
      <translation>Exutoires des déchets (traitement, recycleurs, utilisateurs industriels)</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="273" />
      <source>Waste sites</source>
      <translation>Sites de déchets</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="153" />
      <source>Waste sites (tonnes out, in, unallocated)</source>
      <translation>Sites de déchets (tonnes sortantes, entrantes, non affectées)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="111" />
      <source>Waste treatment facilities</source>
      <translation>Installations de traitement des déchets</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="184" />
      <source>Waste treatment facilities, sample only (waste_facilities)</source>
      <translation>Installations de traitement des déchets, exemple uniquement (waste_facilities)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="622" />
      <source>Weight</source>
      <translation>Poids</translation>
    </message>
    <message>
      <location filename="../algorithms/shared_facility.py" line="98" />
      <source>Weight field (empty: 1 per actor)</source>
      <translation>Champ de poids (vide : 1 par acteur)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="166" />
      <source>Weight k of unsuitability on distances</source>
      <translation>Poids k de l'inaptitude sur les distances</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_options.py" line="159" />
      <source>Weight on distances</source>
      <translation>Poids sur les distances</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="91" />
      <source>Weighted geometric mean</source>
      <translation>Moyenne géométrique pondérée</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="90" />
      <source>Weighted linear combination (WLC)</source>
      <translation>Combinaison linéaire pondérée (WLC)</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="326" />
      <source>Weights</source>
      <translation>Pondérations</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="888" />
      <source>Weights: {weights}</source>
      <translation>Pondérations : {weights}</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="377" />
      <source>Where the layer has no data, use</source>
      <translation>Là où la couche n'a pas de données, utiliser</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="183" />
      <source>Where the signal of a demand building is read</source>
      <translation>Où lire le signal d'un bâtiment de la demande</translation>
    </message>
    <message>
      <location filename="../algorithms/site_suitability.py" line="80" />
      <source>Where to put a tiers-lieu, a data business or a logistics platform. The model (a JSON file, or its text, as saved by the suitability model editor) lists criteria: the distance to a layer's features, a raster's value or a polygon layer's attribute, each turned into a 0–1 suitability by a linear, sigmoid, gaussian, threshold or category function; their weights (direct, or an AHP pairwise matrix whose consistency ratio must stay below 0.10); the aggregation (weighted sum, geometric mean, minimum or OWA); and constraints (areas excluded, with a buffer, or the only ones allowed). The output is a 0–100 suitability raster. The optional sites layer gives the best contiguous sites of at least the minimum area, spaced apart (or the candidate polygons scored), with each criterion's contribution in points (c_&lt;criterion&gt;) and, with sensitivity runs, the probability of staying in the top sites when the weights vary. Layer paths in the model may be relative to the model file; in QGIS they may also be project layer names.</source>
      <translation>Où implanter un tiers-lieu, une activité numérique ou une plateforme logistique. Le modèle (un fichier JSON, ou son texte, tel qu'enregistré par l'éditeur de modèle d'aptitude) liste les critères : la distance aux entités d'une couche, la valeur d'un raster ou l'attribut d'une couche de polygones, chacun transformé en une aptitude de 0 à 1 par une fonction linéaire, sigmoïde, gaussienne, à seuil ou par catégories ; leurs pondérations (directes, ou une matrice de comparaison par paires AHP dont le ratio de cohérence doit rester inférieur à 0,10) ; l'agrégation (somme pondérée, moyenne géométrique, minimum ou OWA) ; et les contraintes (zones exclues, avec un tampon, ou seules zones autorisées). La sortie est un raster d'aptitude de 0 à 100. La couche facultative des sites donne les meilleurs sites d'un seul tenant d'au moins la surface minimale, espacés les uns des autres (ou les polygones candidats notés), avec la contribution de chaque critère en points (c_&lt;criterion&gt;) et, avec des tirages de sensibilité, la probabilité de rester parmi les meilleurs sites lorsque les pondérations varient. Les chemins de couches du modèle peuvent être relatifs au fichier du modèle ; dans QGIS, ce peuvent aussi être des noms de couches du projet.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="736" />
      <source>Wi-Fi</source>
      <translation>Wi-Fi</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="120" />
      <location filename="../algorithms/wifi_coverage.py" line="271" />
      <source>Wi-Fi coverage</source>
      <translation>Couverture Wi-Fi</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="136" />
      <source>Wi-Fi coverage polygons</source>
      <translation>Polygones de couverture Wi-Fi</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="60" />
      <source>Wi-Fi hotspot coverage</source>
      <translation>Couverture des bornes Wi-Fi</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="71" />
      <source>Wi-Fi hotspot placement</source>
      <translation>Placement de bornes Wi-Fi</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="80" />
      <source>Wi-Fi hotspots</source>
      <translation>Bornes Wi-Fi</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="237" />
      <source>Wi-Fi signal of {count} hotspots (dBm)</source>
      <translation>Signal Wi-Fi des {count} bornes (dBm)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="372" />
      <source>With {new} new hotspots, {after} % of the demand ({weight}) would be within usable signal (≥ {threshold} dBm), against {before} % today with the {existing} existing hotspots.</source>
      <translation>Avec {new} nouvelles bornes, {after} % de la demande ({weight}) recevrait un signal exploitable (≥ {threshold} dBm), contre {before} % aujourd'hui avec les {existing} bornes existantes.</translation>
    </message>
    <message>
      <location filename="../algorithms/symbiosis_template.py" line="36" />
      <source>Writes the empty survey of an industrial-symbiosis programme, to fill after the interviews of the actors: one row per offer or need of a site, with actor, site, siret, role (offer | need), resource (waste | heat | steam | water | material | service), spec (a List-of-Waste code, a temperature in °C, steam pressure and temperature, a water class or a service name), quantity, unit (t/yr, MWh/yr, m3/yr, people), season (months), confidential and a point. The GeoPackage has drop-down lists for role, resource and unit and a survey_fields table documenting every field; the CSV and XLSX twins, for people who fill spreadsheets, have x and y columns in the chosen CRS. A row without a point is placed later through the ICPE / IREP sites by SIRET or site name (territoire:resource_synergies).</source>
      <translation>Écrit l'enquête vide d'une démarche de symbiose industrielle, à remplir après les entretiens avec les acteurs : une ligne par offre ou besoin d'un site, avec actor, site, siret, role (offer | need), resource (waste | heat | steam | water | material | service), spec (un code de la liste des déchets, une température en °C, la pression et la température de la vapeur, une classe d'eau ou un nom de service), quantity, unit (t/yr, MWh/yr, m3/yr, people), season (mois), confidential et un point. Le GeoPackage a des listes déroulantes pour role, resource et unit et une table survey_fields qui documente chaque champ ; les copies CSV et XLSX, pour ceux qui remplissent des tableurs, ont des colonnes x et y dans le SCR choisi. Une ligne sans point est placée ensuite grâce aux sites ICPE / IREP par SIRET ou nom de site (territoire:resource_synergies).</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="186" />
      <source>Writing the rasters</source>
      <translation>Écriture des rasters</translation>
    </message>
    <message>
      <location filename="../algorithms/symbiosis_template.py" line="77" />
      <source>Written: {path}</source>
      <translation>Écrit : {path}</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="134" />
      <source>Yearly solar energy field (kWh)</source>
      <translation>Champ de l'énergie solaire annuelle (kWh)</translation>
    </message>
    <message>
      <location filename="../engine/fibre_options.py" line="35" />
      <source>Zone of the zones layer</source>
      <translation>Zone de la couche de zones</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="111" />
      <source>Zones (communes, IRIS...); with a grid, the grid covers them</source>
      <translation>Zones (communes, IRIS...) ; avec une grille, la grille les couvre</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="107" />
      <source>Zones for the demand shares (communes, districts)</source>
      <translation>Zones pour les parts de demande (communes, quartiers)</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="134" />
      <source>Zones for totals (communes...)</source>
      <translation>Zones pour les totaux (communes...)</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="31" />
      <source>a GIF image</source>
      <translation>une image GIF</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="16" />
      <source>a GeoJSON file</source>
      <translation>un fichier GeoJSON</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="12" />
      <source>a GeoPackage</source>
      <translation>un GeoPackage</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="13" />
      <location filename="../engine/files.py" line="14" />
      <source>a GeoTIFF</source>
      <translation>un GeoTIFF</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="19" />
      <location filename="../engine/files.py" line="20" />
      <location filename="../engine/files.py" line="30" />
      <source>a JPEG image</source>
      <translation>une image JPEG</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="17" />
      <source>a JSON file</source>
      <translation>un fichier JSON</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="28" />
      <source>a PDF document</source>
      <translation>un document PDF</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="18" />
      <location filename="../engine/files.py" line="29" />
      <source>a PNG image</source>
      <translation>une image PNG</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="22" />
      <source>a QGIS layout template</source>
      <translation>un modèle de mise en page QGIS</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="21" />
      <source>a SVG image</source>
      <translation>une image SVG</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="33" />
      <location filename="../engine/files.py" line="34" />
      <source>a TIFF image</source>
      <translation>une image TIFF</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="32" />
      <source>a ZIP archive</source>
      <translation>une archive ZIP</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="52" />
      <location filename="../engine/files.py" line="57" />
      <source>a binary file</source>
      <translation>un fichier binaire</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="62" />
      <source>a readable data file</source>
      <translation>un fichier de données lisible</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="15" />
      <source>a shapefile</source>
      <translation>un shapefile</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="56" />
      <source>a text file</source>
      <translation>un fichier texte</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="751" />
      <source>access</source>
      <translation>accès</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="66" />
      <source>actor closed (scenario)</source>
      <translation>acteur fermé (scénario)</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="390" />
      <source>aggregation must be an object such as {"method": "wlc"}.</source>
      <translation>aggregation doit être un objet tel que {"method": "wlc"}.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="402" />
      <source>aggregation.order_weights must be non-negative with a positive sum.</source>
      <translation>aggregation.order_weights doit contenir des valeurs positives ou nulles de somme strictement positive.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="396" />
      <source>aggregation.order_weights must hold {n} numbers (one per criterion).</source>
      <translation>aggregation.order_weights doit contenir {n} nombres (un par critère).</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="27" />
      <source>an SQLite database</source>
      <translation>une base SQLite</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="55" />
      <source>an SVG image</source>
      <translation>une image SVG</translation>
    </message>
    <message>
      <location filename="../engine/files.py" line="43" />
      <source>an empty file</source>
      <translation>un fichier vide</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="418" />
      <location filename="../algorithms/wifi_placement.py" line="424" />
      <source>branch-and-bound</source>
      <translation>séparation et évaluation</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="731" />
      <source>broadband</source>
      <translation>très haut débit</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="734" />
      <source>circular economy</source>
      <translation>économie circulaire</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="747" />
      <source>commune</source>
      <translation>commune</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="60" />
      <source>compatible counterparts are all beyond the maximum distance</source>
      <translation>les partenaires compatibles sont tous au-delà de la distance maximale</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="63" />
      <source>compatible counterparts are used up (quantity)</source>
      <translation>les partenaires compatibles sont épuisés (quantité)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="61" />
      <source>compatible counterparts within reach are not in the same season</source>
      <translation>les partenaires compatibles à portée ne sont pas de la même saison</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="876" />
      <source>consistent</source>
      <translation>cohérent</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="738" />
      <source>coverage</source>
      <translation>couverture</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="752" />
      <source>decision</source>
      <translation>décision</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="707" />
      <source>exchanged (delivered)</source>
      <translation>échangé (livré)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="243" />
      <source>features</source>
      <translation>entités</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="730" />
      <source>fibre</source>
      <translation>fibre</translation>
    </message>
    <message>
      <location filename="../engine/opendata/online.py" line="153" />
      <source>fibre: {count} buildings have no eligibility row (best_techno NULL)</source>
      <translation>fibre : {count} bâtiments sans ligne d'éligibilité (best_techno NULL)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="419" />
      <source>greedy (submodularity)</source>
      <translation>glouton (sous-modularité)</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="414" />
      <source>greedy + swap</source>
      <translation>glouton + échanges</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="754" />
      <source>heat</source>
      <translation>chaleur</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="422" />
      <source>heuristic</source>
      <translation>heuristique</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="737" />
      <source>hotspot</source>
      <translation>borne</translation>
    </message>
    <message>
      <location filename="../ui/suitability_editor.py" line="876" />
      <source>inconsistent: revise the judgements</source>
      <translation>incohérent : révisez les jugements</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="748" />
      <source>indicators</source>
      <translation>indicateurs</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="753" />
      <source>industrial symbiosis</source>
      <translation>symbiose industrielle</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="735" />
      <source>industrial synergies</source>
      <translation>synergies industrielles</translation>
    </message>
    <message>
      <location filename="../engine/opendata/online.py" line="86" />
      <source>industrial_sites: IREP join unavailable: {error}</source>
      <translation>industrial_sites : jointure IREP indisponible : {error}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/online.py" line="120" />
      <source>industrial_sites: {matched} of {count} matched in IREP</source>
      <translation>industrial_sites : {matched} sur {count} retrouvés dans l'IREP</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="322" />
      <source>lines</source>
      <translation>lignes</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="65" />
      <source>lost its outlet (closure scenario)</source>
      <translation>a perdu son débouché (scénario de fermeture)</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="64" />
      <source>lost its supply (closure scenario)</source>
      <translation>a perdu son approvisionnement (scénario de fermeture)</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="749" />
      <source>map</source>
      <translation>carte</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="741" />
      <source>multi-criteria</source>
      <translation>multicritère</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="706" />
      <source>needed</source>
      <translation>besoins</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="125" />
      <source>negative or zero quantity</source>
      <translation>quantité négative ou nulle</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="128" />
      <source>no actor</source>
      <translation>pas d'acteur</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="59" />
      <source>no compatible counterpart in the survey</source>
      <translation>aucun partenaire compatible dans l'enquête</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="324" />
      <location filename="../algorithms/base.py" line="385" />
      <source>no geometry</source>
      <translation>sans géométrie</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="129" />
      <source>no point, and neither SIRET nor site name found in the ICPE / IREP layers</source>
      <translation>pas de point, et ni le SIRET ni le nom du site ne figurent dans les couches ICPE / IREP</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="705" />
      <source>offered</source>
      <translation>offres</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="745" />
      <source>open data</source>
      <translation>données ouvertes</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="744" />
      <source>photovoltaic</source>
      <translation>photovoltaïque</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="321" />
      <source>points</source>
      <translation>points</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="323" />
      <source>polygons</source>
      <translation>polygones</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="124" />
      <source>quantity missing or not a number</source>
      <translation>quantité absente ou non numérique</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="733" />
      <source>recycling centre</source>
      <translation>déchèterie</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="421" />
      <source>reduction</source>
      <translation>réduction</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="121" />
      <source>role is not offer or need</source>
      <translation>role n'est ni offer ni need</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="415" />
      <source>rounded LP relaxation</source>
      <translation>relaxation linéaire arrondie</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="757" />
      <source>shared facility</source>
      <translation>équipement mutualisé</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="420" />
      <source>single-site coverages</source>
      <translation>couvertures site par site</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="743" />
      <source>solar</source>
      <translation>solaire</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="149" />
      <source>solar energy</source>
      <translation>énergie solaire</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="740" />
      <source>suitability</source>
      <translation>aptitude</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="756" />
      <source>survey</source>
      <translation>enquête</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="746" />
      <source>territory</source>
      <translation>territoire</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="62" />
      <source>the exchange would cost more than it saves</source>
      <translation>l'échange coûterait plus qu'il ne rapporte</translation>
    </message>
    <message>
      <location filename="../algorithms/territory_profile.py" line="148" />
      <source>tonnes</source>
      <translation>tonnages</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="708" />
      <source>transport and pipe cost</source>
      <translation>coût de transport et de canalisation</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="126" />
      <source>unit does not fit the resource</source>
      <translation>unité inadaptée à la ressource</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="123" />
      <source>unknown class or unreadable spec for this resource</source>
      <translation>classe inconnue ou spec illisible pour cette ressource</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="122" />
      <source>unknown resource</source>
      <translation>ressource inconnue</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="127" />
      <source>unreadable season</source>
      <translation>saison illisible</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis.py" line="709" />
      <source>value of the substituted supply</source>
      <translation>valeur de l'approvisionnement remplacé</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="732" />
      <source>waste</source>
      <translation>déchets</translation>
    </message>
    <message>
      <location filename="../engine/opendata/online.py" line="169" />
      <source>waste_points: {sinoe} SINOE déchèteries, {osm} OSM points ({merged} OSM centres merged into SINOE déchèteries)</source>
      <translation>waste_points : {sinoe} déchèteries SINOE, {osm} points OSM ({merged} centres OSM fusionnés avec les déchèteries SINOE)</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="755" />
      <source>water</source>
      <translation>eau</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="342" />
      <source>weights.order must list every criterion once: {names}.</source>
      <translation>weights.order doit lister chaque critère une fois : {names}.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="350" />
      <source>weights.pairwise must be a {n}×{n} matrix (one row per criterion).</source>
      <translation>weights.pairwise doit être une matrice {n}×{n} (une ligne par critère).</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="359" />
      <source>weights.pairwise[{i}][{i}] must be 1.</source>
      <translation>weights.pairwise[{i}][{i}] doit valoir 1.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="362" />
      <source>weights.pairwise[{j}][{i}] must be the reciprocal of [{i}][{j}] = {value:g} ({first} vs {second}).</source>
      <translation>weights.pairwise[{j}][{i}] doit être l'inverse de [{i}][{j}] = {value:g} ({first} / {second}).</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="338" />
      <source>weights.values must be positive (remove a criterion rather than weigh it 0).</source>
      <translation>weights.values doit être positif (retirez un critère plutôt que de lui donner un poids de 0).</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="331" />
      <source>weights.values must give one weight per criterion (missing: {missing}; unknown: {unknown}).</source>
      <translation>weights.values doit donner un poids par critère (manquants : {missing} ; inconnus : {unknown}).</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="327" />
      <source>weights.values must map each criterion name to a weight.</source>
      <translation>weights.values doit associer un poids à chaque nom de critère.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="322" />
      <source>weights: give {"method": "direct", "values": {...}} or an AHP matrix.</source>
      <translation>weights : indiquez {"method": "direct", "values": {...}} ou une matrice AHP.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="613" />
      <source>{algorithm}: finished in {seconds} s.</source>
      <translation>{algorithm} : terminé en {seconds} s.</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="193" />
      <source>{area} ha within usable signal (≥ {threshold} dBm) of {count} hotspots.</source>
      <translation>{area} ha reçoivent un signal exploitable (≥ {threshold} dBm) de {count} bornes.</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_placement.py" line="300" />
      <source>{count} candidates have no usable cost in {field} (empty, negative or not a number): give each candidate a cost of 0 or more.</source>
      <translation>{count} candidats n'ont pas de coût utilisable dans {field} (vide, négatif ou non numérique) : donnez à chaque candidat un coût de 0 ou plus.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="112" />
      <source>{count} demand features outside the study extent are ignored.</source>
      <translation>{count} entités de demande hors de l'emprise d'étude sont ignorées.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="476" />
      <source>{count} existing hotspots outside the study extent are ignored.</source>
      <translation>{count} bornes existantes hors de l'emprise d'étude sont ignorées.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_run.py" line="326" />
      <source>{count} hotspots outside the study extent are ignored: {names}.</source>
      <translation>{count} bornes hors de l'emprise d'étude sont ignorées : {names}.</translation>
    </message>
    <message>
      <location filename="../algorithms/_layer_io.py" line="143" />
      <source>{count} invalid polygons of the layer {layer} (self-intersecting…) were repaired.</source>
      <translation>{count} polygones non valides de la couche {layer} (auto-intersections…) ont été réparés.</translation>
    </message>
    <message>
      <location filename="../engine/waste_flows.py" line="948" />
      <source>{count} items of {field} are neither a waste code nor a wildcard (17 01 01, 17 02 *, 19 *) and are ignored (e.g. {examples}).</source>
      <translation>{count} éléments de {field} ne sont ni un code déchet ni un joker (17 01 01, 17 02 *, 19 *) et sont ignorés (par ex. {examples}).</translation>
    </message>
    <message>
      <location filename="../algorithms/_layer_io.py" line="137" />
      <source>{count} of {total} features of the layer {layer} have no geometry: they are left out.</source>
      <translation>{count} des {total} entités de la couche {layer} n'ont pas de géométrie : elles sont laissées de côté.</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="239" />
      <source>{count} producer rows without a geometry were skipped.</source>
      <translation>{count} lignes de producteurs sans géométrie ont été ignorées.</translation>
    </message>
    <message>
      <location filename="../engine/waste_flows.py" line="963" />
      <source>{count} receivers accept every waste code (a lone “*” in {field}): {names}.</source>
      <translation>{count} exutoires acceptent tous les codes déchets (un « * » seul dans {field}) : {names}.</translation>
    </message>
    <message>
      <location filename="../algorithms/_survey_io.py" line="84" />
      <source>{count} rows placed through the ICPE / IREP layers.</source>
      <translation>{count} lignes placées grâce aux couches ICPE / IREP.</translation>
    </message>
    <message>
      <location filename="../algorithms/_survey_io.py" line="77" />
      <source>{count} rows set aside: {problem}.</source>
      <translation>{count} lignes écartées : {problem}.</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="198" />
      <source>{count} synergies, {co2} t of CO2 and {net} EUR avoided a year</source>
      <translation>{count} synergies, {co2} t de CO2 et {net} EUR évités par an</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="194" />
      <source>{count} synergies, {unmet} unmet needs or unused offers.</source>
      <translation>{count} synergies, {unmet} besoins non couverts ou offres inutilisées.</translation>
    </message>
    <message>
      <location filename="../engine/numbers.py" line="102" />
      <source>{count} values of {field} are not numbers and are ignored (e.g. {examples}).</source>
      <translation>{count} valeurs de {field} ne sont pas des nombres et sont ignorées (par ex. {examples}).</translation>
    </message>
    <message>
      <location filename="../engine/numbers.py" line="111" />
      <source>{count} values of {field} are out of range (negative or too large) and are ignored (e.g. {examples}).</source>
      <translation>{count} valeurs de {field} sont hors limites (négatives ou trop grandes) et sont ignorées (par ex. {examples}).</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="383" />
      <source>{count} warnings: see the Processing log.</source>
      <translation>{count} avertissements : voir le journal de traitement.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="445" />
      <source>{error} The network seems down and the cache is empty: run again with the source Sample.</source>
      <translation>{error} Le réseau semble indisponible et le cache est vide : relancez avec la source Exemple.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="441" />
      <source>{error} The network seems down: run again with the source Cache (last download on {date}) or Sample.</source>
      <translation>{error} Le réseau semble indisponible : relancez avec la source Cache (dernier téléchargement le {date}) ou Exemple.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="321" />
      <source>{family} could not be loaded: {error}</source>
      <translation>La famille {family} n'a pas pu être chargée : {error}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/loader.py" line="260" />
      <location filename="../engine/opendata/online.py" line="265" />
      <source>{family} is not available from online sources yet: use SOURCE=sample.</source>
      <translation>La famille {family} n'est pas encore disponible depuis les sources en ligne : utilisez SOURCE=sample.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="687" />
      <source>{field} holds no number (e.g. {examples}): choose a numeric field.</source>
      <translation>{field} ne contient aucun nombre (par ex. {examples}) : choisissez un champ numérique.</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_flows.py" line="204" />
      <source>{field}: {count} capacities are negative or not numbers (e.g. {examples}); a capacity is a number of tonnes per year, 0 or more (empty = unlimited). Correct them.</source>
      <translation>{field} : {count} capacités sont négatives ou non numériques (par ex. {examples}) ; une capacité est un nombre de tonnes par an, 0 ou plus (vide = illimitée). Corrigez-les.</translation>
    </message>
    <message>
      <location filename="../algorithms/fibre_coverage.py" line="215" />
      <source>{ftth} of {total} premises have FTTH; {flagged} zones are below {target} %; {empty} zones have no premises (NULL rate).</source>
      <translation>{ftth} locaux sur {total} sont raccordables en FTTH ; {flagged} zones sont sous {target} % ; {empty} zones n'ont aucun local (taux NULL).</translation>
    </message>
    <message>
      <location filename="../algorithms/resource_synergies.py" line="186" />
      <location filename="../algorithms/waste_flows.py" line="289" />
      <source>{indicator}: {values} {unit}</source>
      <translation>{indicator} : {values} {unit}</translation>
    </message>
    <message>
      <location filename="../algorithms/solar_potential.py" line="259" />
      <source>{kept} of {read} roofs kept: {mwh} MWh/yr, {kwp} kWp, {co2} t CO₂ avoided per year; {unknown} roofs without irradiation or yield (energy NULL).</source>
      <translation>{kept} toitures conservées sur {read} : {mwh} MWh/an, {kwp} kWc, {co2} t de CO₂ évitées par an ; {unknown} toitures sans irradiation ni productible (énergie NULL).</translation>
    </message>
    <message>
      <location filename="../algorithms/_survey_io.py" line="43" />
      <source>{layer} has neither a SIRET nor a name field: not used to place rows.</source>
      <translation>{layer} n'a ni champ SIRET ni champ nom : elle ne sert pas à placer les lignes.</translation>
    </message>
    <message>
      <location filename="../maps/synergy_dossier.py" line="44" />
      <source>{layer} is not an output of Resource synergies (no field {fields}).</source>
      <translation>{layer} n'est pas un résultat de Synergies de ressources (pas de champ {fields}).</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="409" />
      <source>{layer}: {before} → {after}</source>
      <translation>{layer} : {before} → {after}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/arcep.py" line="128" />
      <source>{name} is not an ARCEP buildings file (Ma connexion internet base_imb or cartefibre immeubles): its columns are {columns}.</source>
      <translation>{name} n'est pas un fichier d'immeubles ARCEP (base_imb de Ma connexion internet ou cartefibre immeubles) : ses colonnes sont {columns}.</translation>
    </message>
    <message>
      <location filename="../algorithms/_engine_io.py" line="199" />
      <source>{old} (km) is deprecated and ignored: {new} (m) is given too.</source>
      <translation>{old} (km) est obsolète et ignoré : {new} (m) est aussi donné.</translation>
    </message>
    <message>
      <location filename="../algorithms/_engine_io.py" line="205" />
      <source>{old} (km) is deprecated: {km} km read as {new} = {metres} m; give {new} in metres.</source>
      <translation>{old} (km) est obsolète : {km} km lus comme {new} = {metres} m ; donnez {new} en mètres.</translation>
    </message>
    <message>
      <location filename="../algorithms/_engine_io.py" line="180" />
      <source>{parameter} in km (deprecated: use {new} in metres)</source>
      <translation>{parameter} en km (obsolète : utilisez {new} en mètres)</translation>
    </message>
    <message>
      <location filename="../engine/options.py" line="149" />
      <source>{parameter}: {value} is outside {minimum} – {maximum}.</source>
      <translation>{parameter} : {value} est hors de l’intervalle {minimum} – {maximum}.</translation>
    </message>
    <message>
      <location filename="../engine/options.py" line="145" />
      <source>{parameter}: “{value}” is not a number.</source>
      <translation>{parameter} : « {value} » n’est pas un nombre.</translation>
    </message>
    <message>
      <location filename="../engine/options.py" line="57" />
      <source>{parameter}: “{value}” is not one of {keys}.</source>
      <translation>{parameter} : « {value} » n’est pas l’une des valeurs {keys}.</translation>
    </message>
    <message>
      <location filename="../engine/symbiosis_survey.py" line="369" />
      <source>{path} exists: choose another name (a filled survey is never overwritten).</source>
      <translation>{path} existe : choisissez un autre nom (une enquête remplie n'est jamais écrasée).</translation>
    </message>
    <message>
      <location filename="../algorithms/wifi_coverage.py" line="199" />
      <source>{pct} % of the demand is within usable signal.</source>
      <translation>{pct} % de la demande reçoit un signal exploitable.</translation>
    </message>
    <message>
      <location filename="../algorithms/waste_access.py" line="253" />
      <source>{served} of {total} inhabitants ({share} %) are within {km} km of a facility.</source>
      <translation>{served} habitants sur {total} ({share} %) sont à moins de {km} km d'un équipement.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/context.py" line="59" />
      <source>{source}: nothing was loaded for this territory ({read} rows read; {reasons}).</source>
      <translation>{source} : rien n'a été chargé pour ce territoire ({read} lignes lues ; {reasons}).</translation>
    </message>
    <message>
      <location filename="../engine/opendata/context.py" line="67" />
      <source>{source}: {dropped} of {usable} rows of the territory could not be loaded ({percent} %): {reasons}.</source>
      <translation>{source} : {dropped} des {usable} lignes du territoire n'ont pas pu être chargées ({percent} %) : {reasons}.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/waste_points.py" line="341" />
      <location filename="../engine/opendata/waste_points.py" line="359" />
      <source>{source}: {error}</source>
      <translation>{source} : {error}</translation>
    </message>
    <message>
      <location filename="../engine/opendata/positions.py" line="119" />
      <source>{source}: {outside} of {total} positions fall outside the territory when read as {declared}, and no usual coordinate system places them in it.</source>
      <translation>{source} : {outside} des {total} positions tombent hors du territoire lues en {declared}, et aucun système de coordonnées usuel ne les y place.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/positions.py" line="110" />
      <source>{source}: {outside} of {total} positions fall outside the territory: the coordinates look like {likely}, not {declared}.</source>
      <translation>{source} : {outside} des {total} positions tombent hors du territoire : les coordonnées ressemblent à du {likely}, pas à du {declared}.</translation>
    </message>
    <message>
      <location filename="../engine/opendata/bdtopo.py" line="291" />
      <source>{table}: the IGN WFS failed ({error}); falling back to OpenStreetMap</source>
      <translation>{table} : échec du WFS de l'IGN ({error}) ; repli sur OpenStreetMap</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="420" />
      <source>{territory} reloaded: {updated} layers updated in place, {added} added; changed: {changes}.</source>
      <translation>{territory} rechargé : {updated} couches mises à jour sur place, {added} ajoutées ; changements : {changes}.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="426" />
      <source>{territory} reloaded: {updated} layers updated in place, {added} added; no feature count changed.</source>
      <translation>{territory} rechargé : {updated} couches mises à jour sur place, {added} ajoutées ; aucun nombre d'entités n'a changé.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_open_data.py" line="416" />
      <source>{territory}: {added} layers added from {path}.</source>
      <translation>{territory} : {added} couches ajoutées depuis {path}.</translation>
    </message>
    <message>
      <location filename="../engine/cache.py" line="158" />
      <source>{url}: download failed, using the cached copy of {date}</source>
      <translation>{url} : échec du téléchargement, copie du cache du {date} utilisée</translation>
    </message>
    <message>
      <location filename="../engine/http_client.py" line="163" />
      <source>{url}: {problem}, retry {attempt}/{retries} in {delay} s</source>
      <translation>{url} : {problem}, nouvel essai {attempt}/{retries} dans {delay} s</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="701" />
      <source>{what} has no coordinate reference system: set one (e.g. EPSG:2154).</source>
      <translation>{what} n'a pas de système de coordonnées de référence : définissez-en un (ex. EPSG:2154).</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="707" />
      <source>{what} uses the geographic CRS {crs} (degrees): distances and areas need a projected CRS in metres, such as Lambert-93 (EPSG:2154). Reproject it first.</source>
      <translation>{what} utilise le SCR géographique {crs} (degrés) : les distances et les surfaces nécessitent un SCR projeté en mètres, comme Lambert-93 (EPSG:2154). Reprojetez d'abord.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="258" />
      <source>{where} must be an object with a 'function'.</source>
      <translation>{where} doit être un objet avec une « function ».</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="211" />
      <location filename="../engine/suitability.py" line="408" />
      <source>{where} must be an object.</source>
      <translation>{where} doit être un objet.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="411" />
      <source>{where}: 'buffer' must not be negative.</source>
      <translation>{where} : « buffer » ne doit pas être négatif.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="240" />
      <source>{where}: 'fill' is a suitability between 0 and 1, not {value}.</source>
      <translation>{where} : « fill » est une aptitude comprise entre 0 et 1, et non {value}.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="266" />
      <source>{where}: 'low' ({low}) must be below 'high' ({high}); use 'direction' to reverse the curve.</source>
      <translation>{where} : « low » ({low}) doit être inférieur à « high » ({high}) ; utilisez « direction » pour inverser la courbe.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="264" />
      <source>{where}: 'low' and 'high' must differ.</source>
      <translation>{where} : « low » et « high » doivent être différents.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="276" />
      <location filename="../engine/suitability.py" line="281" />
      <source>{where}: 'spread' must be positive.</source>
      <translation>{where} : « spread » doit être positif.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="287" />
      <source>{where}: 'values' must map each category to a suitability (0–1).</source>
      <translation>{where} : « values » doit associer à chaque catégorie une aptitude (0–1).</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="233" />
      <source>{where}: 'where' filters vector features; a raster criterion cannot use it.</source>
      <translation>{where} : « where » filtre des entités vecteur ; un critère raster ne peut pas l'utiliser.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="231" />
      <source>{where}: 'where' must be a filter text such as "ftth = 1".</source>
      <translation>{where} : « where » doit être un texte de filtre tel que "ftth = 1".</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="414" />
      <source>{where}: 'where' must be a filter text.</source>
      <translation>{where} : « where » doit être un texte de filtre.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="199" />
      <source>{where}: '{key}' is '{value}'; expected one of {choices}.</source>
      <translation>{where} : « {key} » vaut « {value} » ; valeurs attendues : {choices}.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="179" />
      <source>{where}: '{key}' must be a list.</source>
      <translation>{where} : « {key} » doit être une liste.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="197" />
      <source>{where}: '{key}' must be a non-empty text.</source>
      <translation>{where} : « {key} » doit être un texte non vide.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="186" />
      <source>{where}: '{key}' must be a number, not {value!r}.</source>
      <translation>{where} : « {key} » doit être un nombre, et non {value!r}.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="312" />
      <source>{where}: a judgement must be a positive number or a fraction such as "1/3".</source>
      <translation>{where} : un jugement doit être un nombre positif ou une fraction telle que "1/3".</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="214" />
      <source>{where}: the name '{name}' must start with a letter and hold only letters, digits and _ (30 characters at most): it names the output field c_&lt;name&gt;.</source>
      <translation>{where} : le nom « {name} » doit commencer par une lettre et ne contenir que des lettres, des chiffres et _ (30 caractères au plus) : il nomme le champ de sortie c_&lt;name&gt;.</translation>
    </message>
    <message>
      <location filename="../engine/suitability.py" line="292" />
      <source>{where}: the suitability of category '{key}' must be between 0 and 1, not {value}.</source>
      <translation>{where} : l'aptitude de la catégorie « {key} » doit être comprise entre 0 et 1, et non {value}.</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="379" />
      <source>“{parameter}” needs a layer of {expected}; {layer} holds {actual}.</source>
      <translation>« {parameter} » demande une couche de type {expected} ; {layer} est de type {actual}.</translation>
    </message>
    <message>
      <location filename="../engine/wifi_options.py" line="166" />
      <source>−75 dBm (default): web browsing and messaging work; −67 dBm is shown as good.</source>
      <translation>−75 dBm (par défaut) : la navigation web et la messagerie fonctionnent ; −67 dBm est affiché comme bon.</translation>
    </message>
  </context>
</TS>
