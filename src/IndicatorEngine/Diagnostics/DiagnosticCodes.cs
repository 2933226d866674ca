namespace IndicatorEngine;

/// <summary>The stable diagnostic codes; <c>indicators/README.md</c> lists what each means.</summary>
public static class DiagnosticCodes
{
    /// <summary>File not found.</summary>
    public const string FileNotFound = "IE001";

    /// <summary>File larger than the configured limit.</summary>
    public const string FileTooLarge = "IE002";

    /// <summary>Malformed JSON.</summary>
    public const string MalformedJson = "IE003";

    /// <summary>JSON Schema violation.</summary>
    public const string SchemaViolation = "IE004";

    /// <summary>The file could not be read (permissions, I/O).</summary>
    public const string ReadFailed = "IE005";

    /// <summary>The path names a device, a FIFO (named pipe) or a socket, not a regular file; it is not opened.</summary>
    public const string NotRegularFile = "IE006";

    /// <summary>The input is not valid UTF-8 text.</summary>
    public const string InvalidEncoding = "IE007";

    /// <summary>JSON objects and arrays nested deeper than the configured limit.</summary>
    public const string NestedTooDeep = "IE008";

    /// <summary>Duplicate id or key.</summary>
    public const string DuplicateId = "IE101";

    /// <summary>Children's points do not add up to the parent's.</summary>
    public const string PointsMismatch = "IE102";

    /// <summary>Unknown or unsupported rule type.</summary>
    public const string UnknownRuleType = "IE103";

    /// <summary>Evidence key used but not declared.</summary>
    public const string UndeclaredEvidence = "IE104";

    /// <summary>Overlay base not found.</summary>
    public const string OverlayMissing = "IE105";

    /// <summary>Overlays extend each other in a cycle.</summary>
    public const string OverlayCycle = "IE106";

    /// <summary>Unknown profile.</summary>
    public const string UnknownProfile = "IE107";

    /// <summary>Threshold or grade above the maximum.</summary>
    public const string ThresholdAboveMaximum = "IE108";

    /// <summary>Unknown node id.</summary>
    public const string UnknownNode = "IE109";

    /// <summary>Rule does not fit its evidence or node.</summary>
    public const string InvalidRule = "IE110";

    /// <summary>Node has both or neither of children and rule.</summary>
    public const string NodeShape = "IE111";

    /// <summary>Grades not ordered from the highest down.</summary>
    public const string GradesOrder = "IE112";

    /// <summary>An overlay extends a file outside the folders it may read (its own folder and the host's allowed roots).</summary>
    public const string OverlayOutsideAllowedFolders = "IE113";

    /// <summary>A formula does not parse or uses what formulas may not (see the formula language in indicators/README.md).</summary>
    public const string FormulaError = "IE120";

    /// <summary>Evidence value of the wrong type.</summary>
    public const string EvidenceWrongType = "IE201";

    /// <summary>Evidence value NaN or Infinity.</summary>
    public const string EvidenceNotFinite = "IE202";

    /// <summary>Evidence value outside the declared range or values.</summary>
    public const string EvidenceOutOfRange = "IE203";

    /// <summary>Evidence key not in the catalogue.</summary>
    public const string EvidenceUnknownKey = "IE204";

    /// <summary>Evidence missing for an observation point.</summary>
    public const string EvidenceMissing = "IE205";

    /// <summary>
    /// A self-score (<c>selfScores</c> in the evidence) that cannot be used: not a number, negative, above the
    /// point's points, or naming no observation point of the system. It is ignored; the point is scored as always.
    /// </summary>
    public const string SelfScoreInvalid = "IE206";

    /// <summary>A rule returned a score outside [0, max]; it was clamped.</summary>
    public const string ScoreClamped = "IE301";

    /// <summary>A veto's formula failed while scoring a subject; the veto was not applied.</summary>
    public const string FormulaFailed = "IE302";

    /// <summary>A plugin assembly, or a scorer in it, could not be loaded.</summary>
    public const string PluginLoadFailed = "IE401";

    /// <summary>Two plugin scorers have the same name.</summary>
    public const string DuplicateScorer = "IE402";

    /// <summary>An assembly in a plugin folder holds no scorer (warning).</summary>
    public const string PluginWithoutScorers = "IE403";

    /// <summary>A blank line (nothing but spaces) in a batch's NDJSON input, or a CSV row of empty cells: an error record, not skipped.</summary>
    public const string BlankRecord = "IE501";

    /// <summary>A batch record (an NDJSON line, a payload) longer than <c>BatchOptions.MaxRecordBytes</c>.</summary>
    public const string RecordTooLong = "IE502";

    /// <summary>A CSV row with more or fewer cells than the header.</summary>
    public const string CsvRowShape = "IE503";

    /// <summary>A subject id already seen earlier in the same batch: the later record is an error record.</summary>
    public const string DuplicateSubject = "IE504";

    /// <summary>A line of batch results given to a province report that is not a result or error record of the system, or a result without its indicators.</summary>
    public const string BadResultLine = "IE505";
}
