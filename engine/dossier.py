"""Texts of the decision dossier (French, or English): numbers, criteria, method, stability.

Qt-free: the Processing side measures the sites and lays the pages out; this module only words
what it measured, in the language of the reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from .mcda import Transform

#: Usual criterion ids of suitability models and their French names.
CRITERION_NAMES_FR = {
    "fibre": "Fibre optique",
    "centres": "Services publics proches",
    "roads": "Accès routier",
    "population": "Population",
    "industry": "Éloignement de l'industrie",
    "terrain": "Relief (hors zones basses)",
    "port": "Accès au port",
    "waste": "Filières déchets",
    "schools": "Écoles",
    "transport": "Transports en commun",
    "solar": "Potentiel solaire",
}

AGGREGATIONS = {
    "fr": {
        "wlc": "somme pondérée (les critères se compensent)",
        "geometric": "moyenne géométrique pondérée (un critère faible pénalise fortement)",
        "min": "minimum (le critère le plus faible décide)",
        "owa": "moyenne pondérée ordonnée (OWA)",
    },
    "en": {
        "wlc": "weighted sum (criteria compensate each other)",
        "geometric": "weighted geometric mean (one weak criterion weighs heavily)",
        "min": "minimum (the weakest criterion decides)",
        "owa": "ordered weighted average (OWA)",
    },
}


def number(value: float, language: str, decimals: int = 0) -> str:
    """``1 234,5`` in French, ``1,234.5`` in English."""
    text = f"{value:,.{decimals}f}"
    if language == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def distance(metres: float, language: str) -> str:
    """``850 m`` or ``2,3 km``."""
    if metres < 1000:
        return f"{number(round(metres / 10) * 10, language)} m"
    return f"{number(metres / 1000, language, 1)} km"


def area(square_metres: float, language: str) -> str:
    """``1,2 ha`` (or ``4 500 m²`` under a hectare)."""
    if square_metres < 10000:
        return f"{number(square_metres, language)} m²"
    return f"{number(square_metres / 10000, language, 1)} ha"


def percent(share: float, language: str) -> str:
    return (
        f"{number(share * 100, language)}\u00a0%"
        if language == "fr"
        else f"{number(share * 100, language)} %"
    )


def criterion_name(name: str, language: str) -> str:
    """Readable name of a criterion id (``fibre`` → ``Fibre optique`` in French)."""
    if language == "fr" and name in CRITERION_NAMES_FR:
        return CRITERION_NAMES_FR[name]
    return name.replace("_", " ").capitalize()


def transform_text(transform: Transform, measure: str, language: str) -> str:
    """One sentence on how a criterion's values become a 0–1 suitability."""
    unit = " m" if measure == "distance" else ""
    fr = language == "fr"

    def value(x: float) -> str:
        return f"{number(x, language, 0 if float(x).is_integer() else 1)}{unit}"

    cost = transform.direction == "cost"
    if transform.function == "linear":
        if cost:
            return (
                f"mieux si faible : 1 jusqu'à {value(transform.low)}, 0 à partir de {value(transform.high)}"
                if fr
                else f"lower is better: 1 up to {value(transform.low)}, 0 from {value(transform.high)}"
            )
        return (
            f"mieux si élevé : 0 jusqu'à {value(transform.low)}, 1 à partir de {value(transform.high)}"
            if fr
            else f"higher is better: 0 up to {value(transform.low)}, 1 from {value(transform.high)}"
        )
    if transform.function == "sigmoid":
        if fr:
            side = "mieux si faible" if cost else "mieux si élevé"
            return f"{side} : courbe en S centrée sur {value(transform.midpoint)}"
        side = "lower is better" if cost else "higher is better"
        return f"{side}: S-curve centred on {value(transform.midpoint)}"
    if transform.function == "gaussian":
        return (
            f"idéal à {value(transform.ideal)}, décroît de part et d'autre"
            if fr
            else f"ideal at {value(transform.ideal)}, decreasing on both sides"
        )
    if transform.function == "threshold":
        sign = "≤" if cost else "≥"
        return (
            f"1 si {sign} {value(transform.value)}, sinon 0"
            if fr
            else f"1 if {sign} {value(transform.value)}, else 0"
        )
    count = len(transform.categories)
    return f"note par catégorie ({count} valeurs)" if fr else f"score per category ({count} values)"


def measure_text(measure: str, layer_title: str, field: str | None, language: str) -> str:
    """What a criterion measures, e.g. ``distance à Bâtiments publics``."""
    if language == "fr":
        if measure == "distance":
            return f"distance à : {layer_title}"
        if measure == "attribute":
            return f"champ « {field} » de : {layer_title}"
        return f"valeur de : {layer_title}"
    if measure == "distance":
        return f"distance to: {layer_title}"
    if measure == "attribute":
        return f"field '{field}' of: {layer_title}"
    return f"value of: {layer_title}"


def stability_text(probability: float | None, top: int, language: str) -> str:
    """How robust a site's place among the best is to changes of the weights."""
    if probability is None:
        return (
            "Non évaluée : relancer l'analyse avec des simulations de sensibilité."
            if language == "fr"
            else "Not assessed: run the analysis again with sensitivity runs."
        )
    share = percent(probability, language)
    if language == "fr":
        verdict = "très stable" if probability >= 0.9 else "assez stable" if probability >= 0.6 else "fragile"
        return (
            f"Reste parmi les {top} meilleurs sites dans {share} des simulations "
            f"où les poids varient : {verdict}."
        )
    verdict = "very stable" if probability >= 0.9 else "fairly stable" if probability >= 0.6 else "fragile"
    return f"Stays among the {top} best sites in {share} of the runs with varied weights: {verdict}."


def rank_text(rank: int, count: int, language: str) -> str:
    if language == "fr":
        return f"{'1er' if rank == 1 else f'{rank}e'} sur {count}"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(rank if rank < 20 else rank % 10, "th")
    return f"{rank}{suffix} of {count}"


@dataclass(frozen=True)
class Contribution:
    """A criterion's part of a site's score: ``points`` obtained of ``maximum`` possible."""

    criterion: str
    points: float
    maximum: float | None


def contributions(row: dict[str, object], weights: dict[str, float] | None) -> list[Contribution]:
    """The ``c_<criterion>`` fields of a site row, in the order of the fields.

    ``maximum`` is the criterion's weight × 100 (its points when fully suitable) when the
    weights are known.
    """
    result = []
    for key, value in row.items():
        if not key.startswith("c_") or value is None:
            continue
        name = key[2:]
        maximum = weights[name] * 100 if weights and name in weights else None
        result.append(Contribution(name, float(str(value)), maximum))
    return result


def method_paragraphs(aggregation: str | None, consistency_ratio: float | None, language: str) -> list[str]:
    """How the scores, the sites and their stability were obtained, in plain words."""
    how = AGGREGATIONS[language].get(aggregation or "wlc", AGGREGATIONS[language]["wlc"])
    if language == "fr":
        paragraphs = [
            "Chaque point du territoire reçoit un score d'aptitude de 0 à 100. Pour chaque critère, "
            "la valeur "
            "mesurée (une distance, une altitude, un champ) est transformée en une aptitude de 0 "
            "(défavorable) "
            f"à 1 (favorable) selon la règle du tableau ci-dessous ; les critères sont ensuite "
            f"combinés par {how}, "
            "selon leurs poids.",
            "Les poids viennent de comparaisons des critères deux à deux (méthode AHP de Saaty) ; "
            "leur ratio de "
            f"cohérence vaut {number(consistency_ratio, language, 2)} (acceptable sous 0,10)."
            if consistency_ratio is not None
            else "Les poids ont été fixés directement par l'équipe d'étude.",
            "Les zones exclues par les contraintes ne sont pas notées. Les sites candidats sont des "
            "ensembles "
            "d'un seul tenant de la surface demandée, espacés entre eux et classés par leur score moyen. La "
            "contribution d'un critère vaut son poids × son aptitude moyenne sur le site × 100 : la "
            "somme des "
            "contributions donne le score du site.",
            "La stabilité est la part des simulations, où les poids varient au hasard autour de leur valeur, "
            "dans lesquelles le site reste parmi les meilleurs : un site stable ne dépend pas d'un "
            "réglage fin "
            "des poids.",
        ]
    else:
        paragraphs = [
            "Every point of the territory gets a suitability score from 0 to 100. For each criterion, the "
            "measured value (a distance, an elevation, a field) becomes a suitability from 0 "
            "(unsuitable) to 1 "
            f"(suitable) by the rule in the table below; the criteria are then combined by {how}, by weight.",
            "The weights come from pairwise comparisons of the criteria (Saaty's AHP); their "
            "consistency ratio "
            f"is {number(consistency_ratio, language, 2)} (acceptable below 0.10)."
            if consistency_ratio is not None
            else "The weights were set directly by the study team.",
            "Areas excluded by the constraints are not scored. Candidate sites are contiguous areas of the "
            "requested size, spaced apart and ranked by their mean score. A criterion's contribution is its "
            "weight × its mean suitability over the site × 100: the contributions add up to the "
            "site's score.",
            "Stability is the share of runs, with weights varied at random around their values, in which the "
            "site stays among the best: a stable site does not hinge on a fine tuning of the weights.",
        ]
    return paragraphs
