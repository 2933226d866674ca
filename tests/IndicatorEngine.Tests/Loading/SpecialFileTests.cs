
namespace IndicatorEngine.Tests.Loading;

/// <summary>
/// Files are bounded: a device, a FIFO or a socket is refused unopened (IE006) wherever a file is named, and no
/// read goes past one byte more than the size limit, whatever length the file system reports.
/// </summary>
public class SpecialFileTests
{
    private const string OverlayOf = """{ "id": "o", "version": "1", "title": { "zh": "覆盖" }, "extends": "{0}" }""";

    private static string Overlay(string extends) => OverlayOf.Replace("{0}", extends, StringComparison.Ordinal);

    private static Diagnostic SingleNotRegular(IReadOnlyList<Diagnostic> diagnostics, string file)
    {
        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.NotRegularFile, DiagnosticSeverity.Error, file), (d.Code, d.Severity, d.File));
        Assert.Contains("not a regular file, so it is not read", d.Message);
        Assert.Contains("save the JSON in a file", d.Message);
        return d;
    }

    [DevZeroFact]
    public void DevZero_AsDefinition_IsIE006_NotFourGigabytesOfZeros()
    {
        var result = SpecialFiles.Within30Seconds(() => IndicatorSystem.Load(SpecialFiles.DevZero));
        Assert.False(result.Succeeded);
        Assert.Contains("a character device", SingleNotRegular(result.Diagnostics, SpecialFiles.DevZero).Message);
    }

    [DevZeroFact]
    public void DevZero_AsEvidence_IsIE006()
    {
        var result = SpecialFiles.Within30Seconds(() => SubjectEvidence.Load(SpecialFiles.DevZero));
        SingleNotRegular(result.Diagnostics, SpecialFiles.DevZero);
    }

    [DevZeroFact]
    public void DevZero_AsExtendsTarget_IsRefusedAsOutside_AndAsADevice_WhenItsFolderIsAllowed()
    {
        using var files = new TempFolder();
        var overlay = files.Write("overlay.json", Overlay(SpecialFiles.DevZero));

        var outside = SpecialFiles.Within30Seconds(() => IndicatorSystem.Load(overlay));
        Assert.Equal(DiagnosticCodes.OverlayOutsideAllowedFolders, Assert.Single(outside.Diagnostics).Code);

        var allowed = SpecialFiles.Within30Seconds(() => IndicatorSystem.Load(overlay, new LoadOptions { AllowedRoots = { "/dev" } }));
        SingleNotRegular(allowed.Diagnostics, SpecialFiles.DevZero);
    }

    [DevZeroFact]
    public void DevZero_BehindASymbolicLinkInTheOverlaysFolder_IsRefused()
    {
        using var files = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(files.Path, "base.json"), SpecialFiles.DevZero);
        var overlay = files.Write("overlay.json", Overlay("base.json"));

        var result = SpecialFiles.Within30Seconds(() => IndicatorSystem.Load(overlay, new LoadOptions { AllowedRoots = { "/dev" } }));
        SingleNotRegular(result.Diagnostics, Path.Combine(files.Path, "base.json"));
    }

    [FifoFact]
    public void Fifo_AsDefinition_IsIE006_WithoutWaitingForAWriter()
    {
        using var files = new TempFolder();
        var fifo = SpecialFiles.MakeFifo(Path.Combine(files.Path, "system.json"));
        var result = SpecialFiles.Within30Seconds(() => IndicatorSystem.Load(fifo));
        Assert.Contains("a FIFO (named pipe)", SingleNotRegular(result.Diagnostics, fifo).Message);
    }

    [FifoFact]
    public void Fifo_AsEvidence_IsIE006_WithoutWaitingForAWriter()
    {
        using var files = new TempFolder();
        var fifo = SpecialFiles.MakeFifo(Path.Combine(files.Path, "school.json"));
        var result = SpecialFiles.Within30Seconds(() => SubjectEvidence.Load(fifo));
        SingleNotRegular(result.Diagnostics, fifo);
    }

    [FifoFact]
    public void Fifo_AsExtendsTarget_IsIE006_WithoutWaitingForAWriter()
    {
        using var files = new TempFolder();
        var fifo = SpecialFiles.MakeFifo(Path.Combine(files.Path, "base.json"));
        var overlay = files.Write("overlay.json", Overlay("base.json"));
        var result = SpecialFiles.Within30Seconds(() => IndicatorSystem.Load(overlay));
        SingleNotRegular(result.Diagnostics, fifo);
    }

    [UnixFact]
    public void Socket_AsDefinition_IsIE006()
    {
        using var files = new TempFolder();
        var path = Path.Combine(files.Path, "system.json");
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        socket.Listen();

        var result = SpecialFiles.Within30Seconds(() => IndicatorSystem.Load(path));
        Assert.Contains("a socket", SingleNotRegular(result.Diagnostics, path).Message);
    }

    [Fact]
    public void PathWithANulCharacter_IsIE005_NotTheFileBeforeIt()
    {
        using var files = new TempFolder();
        var path = files.Write("mini.json", MiniSystem.Text);
        var d = Assert.Single(IndicatorSystem.Load(path + "\0.txt").Diagnostics);
        Assert.Equal(DiagnosticCodes.ReadFailed, d.Code);
    }

    [Fact]
    public void EndlessStream_IsIE002_AfterReadingAtMostOneByteOverTheLimit()
    {
        const long Limit = 100_000;
        var definition = new EndlessStream();
        var result = SpecialFiles.Within30Seconds(() => IndicatorSystem.Load(definition, "endless.json", new LoadOptions { MaxFileBytes = Limit }));
        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(Limit + 1, definition.BytesRead);

        var evidence = new EndlessStream();
        var loaded = SpecialFiles.Within30Seconds(() => SubjectEvidence.Load(evidence, "endless.json", new LoadOptions { MaxFileBytes = Limit }));
        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(loaded.Diagnostics).Code);
        Assert.Equal(Limit + 1, evidence.BytesRead);
    }

    [Fact]
    public void FileExactlyAtTheLimit_IsRead_AndOneByteOver_IsIE002()
    {
        using var files = new TempFolder();
        var path = files.Write("mini.json", MiniSystem.Text);
        var size = new FileInfo(path).Length;
        Assert.True(IndicatorSystem.Load(path, new LoadOptions { MaxFileBytes = size }).Succeeded);
        var over = IndicatorSystem.Load(path, new LoadOptions { MaxFileBytes = size - 1 });
        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(over.Diagnostics).Code);
    }

    [Fact]
    public void Folder_IsIE001_SayingItIsAFolder()
    {
        using var files = new TempFolder();
        var d = Assert.Single(IndicatorSystem.Load(files.Path).Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotFound, d.Code);
        Assert.Contains("it is a folder", d.Message);
    }

    /// <summary>A stream of spaces without end (a valid start of JSON, so only the limit stops it), counting what was read.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
