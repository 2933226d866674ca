using System.Text;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Tests.Batch;

/// <summary>A CSV batch is read with Sep into the same evidence documents, checked by the same reader, with diagnostics at rows and columns.</summary>
public class CsvBatchTests
{
    private const string Header = "id,name,profile,province,city,county,period,campusHeadcount,studentCount,exitBandwidthGbps,ipv6Applications,wiredCoverageTeachingOffice,indoorWirelessFull,informatizationPlan";

    [Fact]
    public void GeneratedSchools_ScoreTheSameFromCsvAsFromNdjson()
    {
        var subjects = BatchRun.Subjects(300);
        var (fromJson, jsonSummary) = BatchRun.Ndjson(subjects, new BatchOptions { MaxParallelism = 3, Window = 16 });
        var (fromCsv, csvSummary) = BatchRun.Csv(BatchRun.CsvOf(subjects), new BatchOptions { MaxParallelism = 3, Window = 16 });

        Assert.Equal(fromJson.Length, fromCsv.Length);
        for (var i = 0; i < fromJson.Length; i++)
        {
            // The same result; only the record number differs (line i+1 of the NDJSON, row i+2 of the CSV).
            Assert.Equal(fromJson[i].Replace($"{{\"record\":{i + 1},", "", StringComparison.Ordinal), fromCsv[i].Replace($"{{\"record\":{i + 2},", "", StringComparison.Ordinal));
        }

        Assert.Equal(jsonSummary.ToJson(), csvSummary.ToJson());
    }

    [Fact]
    public void QuotedCells_ListsAndChineseBooleans_AreRead()
    {
        var csv = Header + ",smartClassroomRatio\n"
            + "\"HV-1\",\"中原, 职业 \"\"数智\"\" 学院\",higher-vocational,河南省,郑州市,金水区,2025,16850,15900,10,6,是,否,\"plan-2024.pdf; plan-2025.pdf\",\n";
        var (lines, _) = BatchRun.Csv(Encoding.UTF8.GetBytes(csv), new BatchOptions { Detail = BatchDetail.Full });

        var line = BatchRun.Json(Assert.Single(lines));
        Assert.Equal(2, line.GetProperty("record").GetInt64());
        var subject = line.GetProperty("subject");
        Assert.Equal("中原, 职业 \"数智\" 学院", subject.GetProperty("name").GetString());
        Assert.Equal("金水区", subject.GetProperty("region").GetProperty("county").GetString());
        Assert.Equal(2025, subject.GetProperty("period").GetInt32());
        Assert.DoesNotContain(line.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
        var missing = line.GetProperty("missingEvidence").EnumerateArray().Select(m => m.GetProperty("key").GetString()).ToList();
        Assert.DoesNotContain("informatizationPlan", missing);
        Assert.DoesNotContain("wiredCoverageTeachingOffice", missing);
        Assert.Contains("smartClassroomRatio", missing);
    }

    [Fact]
    public void ABadNumber_NamesItsRowAndColumn_AndFailsOnlyItsValue()
    {
        var csv = Header + "\nHV-1,,,,,,,16850,15900,10,6,true,false,\nHV-2,,,,,,,16850,15900,\"1,5\",6,TRUE,FALSE,\nHV-3,,,,,,,NaN,15900,10,6,1,maybe,\n";
        var (lines, summary) = BatchRun.Csv(Encoding.UTF8.GetBytes(csv), new BatchOptions { Detail = BatchDetail.Full });

        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(BatchRun.Json(lines[0]).GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
        var second = BatchRun.Json(lines[1]).GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal("IE201", second.GetProperty("code").GetString());
        Assert.Equal(3, second.GetProperty("line").GetInt32());
        Assert.Equal(10, second.GetProperty("column").GetInt32());
        Assert.Contains("(row 3, column 10 'exitBandwidthGbps')", second.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("/values/exitBandwidthGbps", second.GetProperty("pointer").GetString());
        var third = BatchRun.Json(lines[2]).GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("severity").GetString() == "error").ToList();
        Assert.Equal(["IE202", "IE201"], third.Select(d => d.GetProperty("code").GetString()));
        Assert.Equal([8, 13], third.Select(d => d.GetProperty("column").GetInt32()));
        Assert.Equal(3, summary.Scored);
    }

    [Fact]
    public void ARowOfTheWrongWidth_OrEmpty_OrWithABadPeriod_FailsAlone()
    {
        var csv = "id,period,campusHeadcount\nHV-1,2025,100\nHV-2,2025\n,,\nHV-4,next year,100\nHV-5,2025,100\n\n";
        var (lines, summary) = BatchRun.Csv(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(6, lines.Length);
        Assert.Equal(("IE501", 7L), (BatchRun.Json(lines[5]).GetProperty("error").GetProperty("code").GetString(), BatchRun.Json(lines[5]).GetProperty("record").GetInt64()));
        Assert.Equal("IE503", BatchRun.Json(lines[1]).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("IE501", BatchRun.Json(lines[2]).GetProperty("error").GetProperty("code").GetString());
        var period = BatchRun.Json(lines[3]);
        Assert.Equal(5, period.GetProperty("record").GetInt64());
        Assert.Equal("IE004", period.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(2, period.GetProperty("diagnostics")[0].GetProperty("column").GetInt32());
        Assert.Equal(2, summary.Scored);
    }

    [Fact]
    public void Utf8WithAByteOrderMark_AndGb18030_ReadAlike()
    {
        var csv = "id,name,province,campusHeadcount\nHV-1,中原数智职业技术学院,河南省,16850\n";
        var plain = BatchRun.Csv(Encoding.UTF8.GetBytes(csv)).Lines;
        var marked = BatchRun.Csv([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]).Lines;
        var gb = BatchRun.Csv(BatchSource.Gb18030.GetBytes(csv), encoding: BatchSource.Gb18030).Lines;

        Assert.Equal("中原数智职业技术学院", BatchRun.Json(Assert.Single(plain)).GetProperty("subject").GetProperty("name").GetString());
        Assert.Equal(plain, marked);
        Assert.Equal(plain, gb);
    }

    [Fact]
    public void Gb18030ReadAsUtf8_IsAnEncodingErrorNamingRowAndColumn()
    {
        var csv = "id,name,campusHeadcount\nHV-1,ok,1\nHV-2,中原,1\n";
        var (lines, _) = BatchRun.Csv(BatchSource.Gb18030.GetBytes(csv));

        Assert.True(BatchRun.Json(lines[0]).TryGetProperty("total", out _));
        var error = BatchRun.Json(lines[1]);
        Assert.Equal("IE007", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(2, error.GetProperty("diagnostics")[0].GetProperty("column").GetInt32());
        Assert.Contains("row 3, column 2 'name'", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderWithoutId_OrWithAColumnTwice_StopsTheBatchBeforeAnyLine()
    {
        Assert.Throws<InvalidDataException>(() => BatchRun.Csv(Encoding.UTF8.GetBytes("name,campusHeadcount\nx,1\n")));
        Assert.Throws<InvalidDataException>(() => BatchRun.Csv(Encoding.UTF8.GetBytes("id,campusHeadcount,campusHeadcount\nx,1,2\n")));
    }

    [Fact]
    public void AnUnknownColumn_IsAWarningOnEachRow_AsAnUnknownKeyIsInNdjson()
    {
        var (lines, _) = BatchRun.Csv(Encoding.UTF8.GetBytes("id,campusHeadcont\nHV-1,5\n"), new BatchOptions { Detail = BatchDetail.Full });
        var warning = BatchRun.Json(Assert.Single(lines)).GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "IE204");
        Assert.Equal(2, warning.GetProperty("column").GetInt32());
    }
}
