using IndicatorEngine.Definitions;
using IndicatorEngine.Definitions.Model;
using IndicatorEngine.Diagnostics;
using IndicatorEngine.Evidence;
using IndicatorEngine.Json;
using IndicatorEngine.Scoring;

namespace IndicatorEngine;

/// <summary>
/// A loaded, checked and compiled indicator system (指标体系). Load one with <see cref="Load(string, LoadOptions?)"/>
/// or <see cref="LoadShipped"/>, then <see cref="Score"/> evidence against it. Immutable: one instance can
/// score any number of subjects on any number of threads at once.
/// </summary>
public sealed class IndicatorSystem
{
    private readonly Dictionary<string, Profile> _profiles;

    internal IndicatorSystem(
        SystemDto model,
        string? sourceName,
        IReadOnlyList<Indicator> indicators,
        IReadOnlyList<Profile> profiles,
        IReadOnlyList<Grade> grades,
        IReadOnlyList<Veto> vetoes,
        IReadOnlyList<EvidenceDeclaration> catalogue,
        EvaluationPlan plan)
    {
        Model = model;
        SourceName = sourceName;
        Id = model.Id;
        Version = model.Version;
        Title = new LocalizedText(model.Title.Zh, model.Title.En);
        Description = model.Description;
        Points = model.Points ?? 0m;
        Precision = model.Precision ?? 2;
        Indicators = indicators;
        Profiles = profiles;
        Grades = grades;
        Vetoes = vetoes;
        EvidenceCatalogue = catalogue;
        Plan = plan;
        _profiles = profiles.ToDictionary(p => p.Id, StringComparer.Ordinal);
        DefaultProfile = model.DefaultProfile is { } id ? _profiles[id] : profiles[0];
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
    public Profile? FindProfile(string id) => _profiles.GetValueOrDefault(id);

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
    /// <exception cref="ScoringException">The profile named is not one of the system's (IE107).</exception>
    public Scorecard Score(SubjectEvidence evidence, string? profileId = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var profile = ResolveProfile(evidence, profileId);
        var diagnostics = new List<Diagnostic>();
        var slots = Plan.Binder.Bind(evidence, diagnostics);
        var mask = Plan.NotApplicable[profile.Id];
        var outcomes = Evaluator.Evaluate(Plan, slots, mask);
        var missing = FindMissing(slots, mask);
        var vetoes = Plan.Vetoes.Select(v => VetoRule.Check(v, slots, diagnostics)).OfType<VetoHit>().ToList();
        foreach (var (slot, neededBy) in missing)
        {
            var key = Plan.Catalogue[slot].Key;
            diagnostics.Add(evidence.At(key, DiagnosticCodes.EvidenceMissing, DiagnosticSeverity.Warning,
                $"'{key}' is not supplied; {string.Join(", ", neededBy)} score 0 until it is") with { Line = 0, Column = 0, Pointer = "/values" });
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Clamped is { } raw)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ScoreClamped, DiagnosticSeverity.Warning,
                    $"'{Plan.Nodes[i].Indicator.Id}' scored {raw} by its rule, outside 0 to {outcomes[i].Max}; clamped to {outcomes[i].Score}", SourceName));
            }
        }

        var total = Evaluator.Total(Plan, outcomes);
        var passed = vetoes.Count == 0 && total >= profile.PassThreshold;
        var grade = vetoes.Count > 0 ? profile.Grades.LastOrDefault() : profile.Grades.FirstOrDefault(g => total >= g.MinScore);
        var subject = new ScoredSubject(evidence.Id, evidence.Name, profile.Id, evidence.Region, evidence.Period);
        var missingList = missing
            .Select(m => new MissingEvidence(Plan.Catalogue[m.Key].Key, Plan.Catalogue[m.Key].Title, m.Value))
            .ToList();
        var tree = Plan.Roots.Select(r => ToScore(r, outcomes)).ToList();
        return new Scorecard(Id, Version, Title, Points, subject, total, profile.PassThreshold, passed, grade, vetoes, tree, missingList, diagnostics);
    }

    private Profile ResolveProfile(SubjectEvidence evidence, string? profileId)
    {
        var wanted = profileId ?? evidence.Profile;
        if (wanted is null)
        {
            return DefaultProfile;
        }

        if (_profiles.TryGetValue(wanted, out var profile))
        {
            return profile;
        }

        var from = profileId is null ? "the evidence names" : "requested";
        throw new ScoringException(new Diagnostic(DiagnosticCodes.UnknownProfile, DiagnosticSeverity.Error,
            $"profile '{wanted}' ({from}) is not one of {Id}'s profiles: {string.Join(", ", _profiles.Keys)}", evidence.SourceName, profileId is null ? "/profile" : ""));
    }

    private SortedDictionary<int, List<string>> FindMissing(EvidenceValue[] slots, bool[] mask)
    {
        var missing = new SortedDictionary<int, List<string>>();
        foreach (var node in Plan.Nodes)
        {
            if (mask[node.Index])
            {
                continue;
            }

            foreach (var slot in node.Reads)
            {
                if (slots[slot].Kind == EvidenceKind.Missing)
                {
                    Add(missing, slot, node.Indicator.Id);
                }
            }
        }

        foreach (var veto in Plan.Vetoes)
        {
            foreach (var slot in veto.Reads)
            {
                if (slots[slot].Kind == EvidenceKind.Missing)
                {
                    Add(missing, slot, veto.Veto.Id);
                }
            }
        }

        return missing;

        static void Add(SortedDictionary<int, List<string>> missing, int slot, string id)
        {
            if (!missing.TryGetValue(slot, out var list))
            {
                missing[slot] = list = [];
            }

            list.Add(id);
        }
    }

    private IndicatorScore ToScore(int index, NodeOutcome[] outcomes)
    {
        var node = Plan.Nodes[index];
        var outcome = outcomes[index];
        return new IndicatorScore(
            node.Indicator.Id,
            node.Indicator.Title,
            outcome.Score,
            outcome.Max,
            outcome.Status,
            outcome.Explanation,
            node.Children.Select(c => ToScore(c, outcomes)).ToList());
    }

    private static LoadResult<IndicatorSystem> Build(DefinitionReader reader, string name, string text, List<Diagnostic> diagnostics)
    {
        var map = new SourceMap();
        var model = reader.Read(name, text, map, diagnostics);
        if (model is null || !DefinitionChecker.Check(model, reader.Options, map, diagnostics))
        {
            return new LoadResult<IndicatorSystem>(null, diagnostics);
        }

        return new LoadResult<IndicatorSystem>(SystemCompiler.Compile(model, name, reader.Options), diagnostics);
    }
}
