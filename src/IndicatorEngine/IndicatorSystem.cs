
namespace IndicatorEngine;

/// <summary>
/// A loaded, checked and compiled indicator system (指标体系). Load one with <see cref="Load(string, LoadOptions?)"/>
/// or <see cref="LoadShipped"/>, then <see cref="Score(SubjectEvidence, string?)"/> evidence against it. Immutable: one instance can
/// score any number of subjects on any number of threads at once.
/// </summary>
public sealed class IndicatorSystem
{

    internal IndicatorSystem(
        SystemDto model,
        string? sourceName,
        IReadOnlyList<Indicator> indicators,
        IReadOnlyList<Profile> profiles,
        IReadOnlyList<Grade> grades,
        IReadOnlyList<Veto> vetoes,
        EvaluationPlan plan)
    {
        Model = model;
        SourceName = sourceName;
        Id = model.Id;
        Version = model.Version;
        Title = new LocalizedText(model.Title.Zh, model.Title.En);
        Description = model.Description;
        Language = model.Language == "en" ? Language.English : Language.Chinese;
        Points = model.Points ?? 0m;
        Precision = model.Precision ?? 2;
        Indicators = indicators;
        Profiles = profiles;
        Grades = grades;
        Vetoes = vetoes;
        EvidenceCatalogue = plan.Catalogue.Declarations;
        Plan = plan;
        DefaultProfile = model.DefaultProfile is { } id ? FindProfile(id)! : profiles[0];
    }

    /// <summary>The ids of the indicator systems shipped inside the library, for <see cref="LoadShipped"/>.</summary>
    public static IReadOnlyList<string> ShippedIds { get; } = SchemaValidator.ResourceNames("indicators/")
        .Select(n => Path.GetFileNameWithoutExtension(n["indicators/".Length..]))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Stable id, e.g. <c>henan-higher-vocational</c>.</summary>
    public string Id { get; }

    /// <summary>Version of the published system.</summary>
    public string Version { get; }

    /// <summary>Title as published.</summary>
    public LocalizedText Title { get; }

    /// <summary>The language of its scorecards unless the reader asks for another (<see cref="Scorecard.In"/>): the definition's <c>"language"</c>, Chinese when it names none.</summary>
    public Language Language { get; }

    /// <summary>Description, or null.</summary>
    public string? Description { get; }

    /// <summary>Design points of the whole system (e.g. 600).</summary>
    public decimal Points { get; }

    /// <summary>Decimal places every computed score is rounded to.</summary>
    public int Precision { get; }

    /// <summary>The first-level indicators, each with its subtree.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>The profiles (school types) the system can be applied to.</summary>
    public IReadOnlyList<Profile> Profiles { get; }

    /// <summary>The profile used when neither the caller nor the evidence names one.</summary>
    public Profile DefaultProfile { get; }

    /// <summary>The system's grade bands, highest first (a profile may have its own).</summary>
    public IReadOnlyList<Grade> Grades { get; }

    /// <summary>The knock-out rules.</summary>
    public IReadOnlyList<Veto> Vetoes { get; }

    /// <summary>The evidence catalogue: every key a subject may supply.</summary>
    public IReadOnlyList<EvidenceDeclaration> EvidenceCatalogue { get; }

    /// <summary>The file (or resource) it was loaded from; null when parsed from text.</summary>
    public string? SourceName { get; }

    internal SystemDto Model { get; }

    internal EvaluationPlan Plan { get; }

    /// <summary>
    /// Loads, checks and compiles a definition file (and, for an overlay, the files it extends: only from the
    /// overlay's own folder and its subfolders, or from <see cref="LoadOptions.AllowedRoots"/>).
    /// </summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="options">Limits, or null for the defaults.</param>
    /// <returns>The system, or the diagnostics that say what to fix; never a half-built system.</returns>
    public static LoadResult<IndicatorSystem> Load(string path, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= LoadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var text = JsonSource.ReadFile(path, options.MaxFileBytes, diagnostics);
        return text is null ? new LoadResult<IndicatorSystem>(null, diagnostics) : Build(DefinitionReader.ForFiles(options), path, text, diagnostics);
    }

    /// <summary>Loads a definition from a stream of UTF-8 JSON.</summary>
    /// <param name="stream">The stream; read to its end, not closed.</param>
    /// <param name="name">Name used in diagnostics. An <c>extends</c> is resolved relative to it as a path, and only inside its folder or <see cref="LoadOptions.AllowedRoots"/>.</param>
    /// <param name="options">Limits, or null for the defaults.</param>
    /// <returns>The system, or the diagnostics that say what to fix.</returns>
    public static LoadResult<IndicatorSystem> Load(Stream stream, string name, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= LoadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var text = JsonSource.ReadStream(stream, name, options.MaxFileBytes, diagnostics);
        return text is null ? new LoadResult<IndicatorSystem>(null, diagnostics) : Build(DefinitionReader.ForFiles(options), name, text, diagnostics);
    }

    /// <summary>
    /// Parses a definition from JSON text. An <c>extends</c> is resolved relative to the folder of
    /// <paramref name="name"/> taken as a path (the current folder for a bare name), and only inside that folder
    /// or <see cref="LoadOptions.AllowedRoots"/>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">Name used in diagnostics.</param>
    /// <param name="options">Limits, or null for the defaults.</param>
    /// <returns>The system, or the diagnostics that say what to fix.</returns>
    public static LoadResult<IndicatorSystem> Parse(string json, string name = "<definition>", LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Build(DefinitionReader.ForFiles(options ?? LoadOptions.Default), name, json, new List<Diagnostic>());
    }

    /// <summary>Loads one of the systems shipped inside the library (see <see cref="ShippedIds"/>).</summary>
    /// <param name="id">e.g. <c>henan-higher-vocational</c>, <c>henan-secondary-vocational</c>, <c>national-benchmark-monitoring</c>.</param>
    /// <param name="options">Settings (formula limits, plugin scorers), or null for the defaults.</param>
    /// <returns>The compiled system.</returns>
    /// <exception cref="ArgumentException">No shipped system has that id.</exception>
    public static IndicatorSystem LoadShipped(string id, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!ShippedIds.Contains(id))
        {
            throw new ArgumentException($"no shipped indicator system is called '{id}'; shipped: {string.Join(", ", ShippedIds)}", nameof(id));
        }

        var reader = new DefinitionReader(options ?? LoadOptions.Default, (reference, _, _) =>
        {
            var name = "indicators/" + Path.GetFileName(reference);
            return SchemaValidator.ResourceNames(name).Any() ? new DefinitionReader.BaseFile(name, SchemaValidator.ReadResource(name)) : null;
        });
        var name = $"indicators/{id}.json";
        return Build(reader, name, SchemaValidator.ReadResource(name), new List<Diagnostic>()).GetValueOrThrow();
    }

    /// <summary>Finds a profile by id.</summary>
    /// <param name="id">The profile id.</param>
    /// <returns>The profile, or null when the system has none with that id.</returns>
    public Profile? FindProfile(string id)
    {
        foreach (var profile in Profiles)
        {
            if (profile.Id == id)
            {
                return profile;
            }
        }

        return null;
    }

    /// <summary>Finds an indicator by id anywhere in the tree.</summary>
    /// <param name="id">The indicator id.</param>
    /// <returns>The indicator, or null.</returns>
    public Indicator? FindIndicator(string id) => Plan.Nodes.FirstOrDefault(n => n.Indicator.Id == id)?.Indicator;

    /// <summary>
    /// Scores a subject's evidence. Bad values fail only the indicators that read them (status error, with a
    /// diagnostic); missing values score 0 and are listed; the rest are scored.
    /// </summary>
    /// <param name="evidence">The subject's evidence.</param>
    /// <param name="profileId">Profile to score under; null to use the evidence's profile, else <see cref="DefaultProfile"/>.</param>
    /// <returns>The scorecard.</returns>
    /// <exception cref="ScoringException">The profile named is not one of the system's (IE107), or the evidence built in code is not of the evidence shape.</exception>
    public Scorecard Score(SubjectEvidence evidence, string? profileId = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return Score(ReadEvidence(evidence.Utf8.Span, evidence.SourceName ?? "<evidence>"), profileId, evidence.SourceName);
    }

    /// <summary>
    /// Reads one subject's evidence document (UTF-8 JSON, the shape of <c>evidence.schema.json</c>) straight into
    /// this system's evidence slots, checking every value against the catalogue. The fast path of a batch: no
    /// JSON tree is built, and line and column are worked out only for a diagnostic.
    /// </summary>
    /// <param name="utf8Json">The document; a leading byte order mark is skipped.</param>
    /// <param name="name">Name used in diagnostics, e.g. the file, or the file and line of a batch.</param>
    /// <returns>The record; <see cref="EvidenceRecord.CanScore"/> says whether it can be scored, its diagnostics what was wrong.</returns>
    public EvidenceRecord ReadEvidence(ReadOnlySpan<byte> utf8Json, string name = "<evidence>") => ReadEvidenceAt(utf8Json, name, null);

    /// <summary>
    /// <see cref="ReadEvidence(ReadOnlySpan{byte}, string)"/> for a batch: <paramref name="relocate"/> turns each
    /// diagnostic's place in the document into its place in the batch's input (a line of an NDJSON file, a row
    /// and column of a CSV file); called only when there is a diagnostic.
    /// </summary>
    internal EvidenceRecord ReadEvidenceAt(ReadOnlySpan<byte> utf8Json, string name, Func<Diagnostic, Diagnostic>? relocate)
    {
        ArgumentNullException.ThrowIfNull(name);
        var diagnostics = new List<Diagnostic>();
        var read = EvidenceReader.Read(utf8Json, name, Plan.Catalogue, diagnostics, Plan.MaxDepth);
        var selfScores = read?.SelfScores is { } entries ? SelfScores.Resolve(Plan, entries, utf8Json, name, diagnostics) : null;
        if (relocate is not null)
        {
            for (var i = 0; i < diagnostics.Count; i++)
            {
                diagnostics[i] = relocate(diagnostics[i]);
            }
        }

        return new EvidenceRecord(this, read, name, diagnostics) { SelfScores = selfScores };
    }

    /// <summary>
    /// Scores a record read by <see cref="ReadEvidence"/>: scores and statuses of every indicator, the total,
    /// verdict, grade and vetoes. Explanations, missing evidence and diagnostics are put together only when the
    /// scorecard's members that hold them are first read.
    /// </summary>
    /// <param name="record">A record this system read.</param>
    /// <param name="profileId">Profile to score under; null to use the evidence's profile, else <see cref="DefaultProfile"/>.</param>
    /// <returns>The scorecard.</returns>
    /// <exception cref="ArgumentException">The record was read by another system.</exception>
    /// <exception cref="ScoringException">The record cannot be scored (its first error), or the profile is not one of the system's (IE107).</exception>
    public Scorecard Score(EvidenceRecord record, string? profileId = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Score(record, profileId, record.SourceName);
    }

    private Scorecard Score(EvidenceRecord record, string? profileId, string? sourceName)
    {
        if (!ReferenceEquals(record.System, this))
        {
            throw new ArgumentException($"the record was read by system '{record.System.Id}', not by this one ('{Id}'); read it with this system's ReadEvidence", nameof(record));
        }

        if (!record.CanScore)
        {
            throw new ScoringException(record.Diagnostics.First(d => d.IsError));
        }

        var (profile, profileIndex) = ResolveProfile(record, profileId);
        var plan = Plan;
        var slots = record.Slots;
        var mask = plan.NotApplicable[profileIndex];
        var scores = new decimal[plan.Nodes.Length];
        var statuses = new ScoreStatus[plan.Nodes.Length];
        var total = Evaluator.Evaluate(plan, slots, mask, scores, statuses, out var aggregationFailed);
        var upperBound = Evaluator.UpperBound(plan, slots, mask, scores, statuses, total, aggregationFailed);
        List<VetoHit>? vetoes = null;
        List<VetoHit>? undecided = null;
        List<Diagnostic>? vetoFailures = null;
        foreach (var veto in plan.Vetoes)
        {
            var state = VetoRule.Check(veto, slots, Language, ref vetoFailures, out var hit);
            if (state == VetoState.Fired)
            {
                (vetoes ??= []).Add(hit!);
            }
            else if (state == VetoState.Undecided)
            {
                (undecided ??= []).Add(hit!);
            }
        }

        var subject = new ScoredSubject(record.Id, record.Name, profile.Id, record.Region, record.Period);
        return new Scorecard(this, subject, profile, slots, mask, scores, statuses, total, upperBound, aggregationFailed,
            (IReadOnlyList<VetoHit>?)vetoes ?? [], (IReadOnlyList<VetoHit>?)undecided ?? [], record.Diagnostics, vetoFailures, sourceName)
        {
            SelfScoresByNode = record.SelfScores,
        };
    }

    private (Profile Profile, int Index) ResolveProfile(EvidenceRecord record, string? profileId)
    {
        var wanted = profileId ?? record.Profile;
        var profiles = Profiles;
        if (wanted is null)
        {
            for (var i = 0; i < profiles.Count; i++)
            {
                if (ReferenceEquals(profiles[i], DefaultProfile))
                {
                    return (DefaultProfile, i);
                }
            }
        }

        for (var i = 0; i < profiles.Count; i++)
        {
            if (profiles[i].Id == wanted)
            {
                return (profiles[i], i);
            }
        }

        var from = profileId is null ? "the evidence names" : "requested";
        throw new ScoringException(new Diagnostic(DiagnosticCodes.UnknownProfile, DiagnosticSeverity.Error,
            $"profile '{wanted}' ({from}) is not one of {Id}'s profiles: {string.Join(", ", profiles.Select(p => p.Id))}", record.SourceName, profileId is null ? "/profile" : ""));
    }

    private static LoadResult<IndicatorSystem> Build(DefinitionReader reader, string name, string text, List<Diagnostic> diagnostics)
    {
        var map = new SourceMap();
        var model = reader.Read(name, text, map, diagnostics);
        if (model is null || DefinitionChecker.Check(model, reader.Options, map, diagnostics) is not { } checkedDefinition)
        {
            return new LoadResult<IndicatorSystem>(null, diagnostics);
        }

        return new LoadResult<IndicatorSystem>(SystemCompiler.Compile(model, checkedDefinition, name, reader.Options), diagnostics);
    }
}
