namespace DocumentCurrency;

/// <summary>The options of a <c>document-currency</c> rule, as written in the definition.</summary>
public sealed class DocumentCurrencyOptions
{
    /// <summary>Evidence key of the document (type <c>document</c>).</summary>
    public required string Document { get; init; }

    /// <summary>Evidence key of the date it was issued or last revised (type <c>date</c>).</summary>
    public required string IssuedOn { get; init; }

    /// <summary>Full points when it was issued at most this many years before the reference date.</summary>
    public required int WithinYears { get; init; }

    /// <summary>Optional: some points for a document older than <see cref="WithinYears"/> but not too old.</summary>
    public PartialOptions? Partial { get; init; }

    /// <summary>
    /// The reference date (<c>YYYY-MM-DD</c>, e.g. the end of the assessment period); when absent, today by the
    /// host's clock.
    /// </summary>
    public DateOnly? AsOf { get; init; }
}

/// <summary>The partial band of a <c>document-currency</c> rule.</summary>
public sealed class PartialOptions
{
    /// <summary>Issued at most this many years before the reference date: more than <see cref="DocumentCurrencyOptions.WithinYears"/>.</summary>
    public required int WithinYears { get; init; }

    /// <summary>The points earned, below the observation point's.</summary>
    public required decimal Points { get; init; }
}
