namespace IndicatorEngine.Batch;

/// <summary>The level of a regional roll-up.</summary>
public enum RegionLevel
{
    /// <summary>A province (省).</summary>
    Province,

    /// <summary>A city (市) within its province.</summary>
    City,

    /// <summary>A county or district (县/区) within its city.</summary>
    County,
}
