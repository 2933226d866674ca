namespace IndicatorEngine;

/// <summary>
/// The language a scorecard's words are written in: statuses, headings and every explanation line. Numbers and
/// units read the same in both. Chosen when the card is read or rendered (<see cref="Scorecard.In"/>), never when
/// it is scored; the default is the indicator system's own (<see cref="IndicatorSystem.Language"/>).
/// </summary>
public enum Language
{
    /// <summary>Chinese (简体中文), the language the shipped indicator systems are published in.</summary>
    Chinese,

    /// <summary>English; titles fall back to the Chinese where the definition gives no English.</summary>
    English,
}
