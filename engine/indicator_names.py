"""Names of the per-commune profile indicators: light, so that algorithm definitions can
list them at registration without loading the analysis libraries."""

INDICATORS = (
    "population",
    "area_km2",
    "density",
    "ftth_rate",
    "icpe_count",
    "seveso_count",
    "waste_t",
    "decheteries_near",
    "solar_mwh",
    "wifi_share",
    "port_area_ha",
)
