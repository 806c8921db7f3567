"""Qt-free analysis engine of Territoire numérique (numpy, SciPy, GeoPandas, rasterio, GDAL).

Nothing here imports QGIS or Qt: every module runs and is tested in plain Python.
"""
