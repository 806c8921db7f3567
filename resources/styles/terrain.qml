<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" maxScale="0" version="3.22.16-Białowieża" styleCategories="Symbology|Labeling|Rendering" minScale="1e+08">
  <pipe-data-defined-properties>
    <Option type="Map">
      <Option name="name" type="QString" value=""/>
      <Option name="properties"/>
      <Option name="type" type="QString" value="collection"/>
    </Option>
  </pipe-data-defined-properties>
  <pipe>
    <provider>
      <resampling zoomedInResamplingMethod="nearestNeighbour" zoomedOutResamplingMethod="nearestNeighbour" maxOversampling="2" enabled="false"/>
    </provider>
    <rasterrenderer opacity="0.85" nodataColor="" band="1" classificationMin="0" alphaBand="-1" classificationMax="60" type="singlebandpseudocolor">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader clip="0" colorRampType="DISCRETE" labelPrecision="6" maximumValue="60" classificationMode="2" minimumValue="0">
          <item color="#ffffe5" value="1" label="Moins de 1 m" alpha="255"/>
          <item color="#fff7bc" value="2" label="1 à 2 m" alpha="255"/>
          <item color="#fee391" value="3" label="2 à 3 m" alpha="255"/>
          <item color="#fec44f" value="5" label="3 à 5 m" alpha="255"/>
          <item color="#fe9929" value="10" label="5 à 10 m" alpha="255"/>
          <item color="#d95f0e" value="20" label="10 à 20 m" alpha="255"/>
          <item color="#993404" value="inf" label="20 m et plus" alpha="255"/>
          <rampLegendSettings orientation="2" minimumLabel="" suffix="" useContinuousLegend="1" maximumLabel="" direction="0" prefix="">
            <numericFormat id="basic">
              <Option type="Map">
                <Option name="decimal_separator" type="QChar" value=""/>
                <Option name="decimals" type="int" value="6"/>
                <Option name="rounding_type" type="int" value="0"/>
                <Option name="show_plus" type="bool" value="false"/>
                <Option name="show_thousand_separator" type="bool" value="true"/>
                <Option name="show_trailing_zeros" type="bool" value="false"/>
                <Option name="thousand_separator" type="QChar" value=""/>
              </Option>
            </numericFormat>
          </rampLegendSettings>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation colorizeOn="0" colorizeStrength="100" colorizeBlue="128" colorizeGreen="128" invertColors="0" colorizeRed="255" saturation="0" grayscaleMode="0"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
