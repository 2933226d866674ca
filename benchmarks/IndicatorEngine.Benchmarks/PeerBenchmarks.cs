using System.Globalization;
using BenchmarkDotNet.Attributes;
using IndicatorEngine.Benchmarks.Peers;
using RulesEngine.Models;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// The same 10,000 generated Henan schools (<see cref="HenanSubjects"/>, seed 1, read once in setup) scored four
/// ways: the hand-written floor (<see cref="HenanFloor"/>, the baseline), this engine's public API over records read
/// once (<see cref="IndicatorSystem.Score(EvidenceRecord)"/>, explanations not formatted), and the same 51 points as
/// a Microsoft RulesEngine workflow (<see cref="RulesEnginePeer"/>) and as NCalc expressions (<see cref="NCalcPeer"/>),
/// their groups and totals added up in C#. Setup checks that every way gives every school the floor's total (the
/// peers: every point, group, total and veto). Mean is per school (OperationsPerInvoke); <c>--smoke</c> uses 100.
/// </summary>
[MemoryDiagnoser]
public class PeerBenchmarks
{
    public const int Subjects = 10_000;

    private IndicatorSystem _system = null!;
    private EvidenceRecord[] _records = null!;
    private HenanEvidence[] _bound = null!;
    private PeerSubject[] _subjects = null!;
    private RuleParameter[][] _ruleInputs = null!;
    private HenanResult _floor = null!;
    private PeerResult _peer = null!;
    private RulesEnginePeer _rulesEngine = null!;
    private NCalcPeer _ncalc = null!;

    public static int Count => Program.IsSmoke ? 100 : Subjects;

    [GlobalSetup]
    public void Setup()
    {
        _system = IndicatorSystem.LoadShipped("henan-higher-vocational");
        var files = HenanSubjects.Generate(Count, seed: 1);
        _records = files.Select((file, i) => _system.ReadEvidence(file, string.Create(CultureInfo.InvariantCulture, $"school-{i + 1:D5}"))).ToArray();
        _bound = files.Select(HenanEvidence.From).ToArray();
        _subjects = _bound.Select(PeerSubject.From).ToArray();
        _ruleInputs = _subjects.Select(RulesEnginePeer.Input).ToArray();
        _floor = new HenanResult();
        _peer = new PeerResult();
        _rulesEngine = new RulesEnginePeer();
        _ncalc = new NCalcPeer();

        for (var i = 0; i < Count; i++)
        {
            HenanFloor.Score(_bound[i], _floor);
            var engine = _system.Score(_records[i]).Total;
            if (engine != _floor.Total)
            {
                throw new InvalidOperationException($"school {i + 1}: the engine's total {engine} is not the floor's {_floor.Total}");
            }

            _rulesEngine.Score(_ruleInputs[i], _peer);
            Check("RulesEngine", i);
            _ncalc.Score(_subjects[i], _peer);
            Check("NCalc", i);
        }
    }

    private void Check(string peer, int i)
    {
        if (_peer.Difference(_floor) is { } difference)
        {
            throw new InvalidOperationException($"school {i + 1}: {peer} differs from the floor: {difference}");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Subjects, Description = "hand-written floor, pre-bound")]
    public decimal HandWritten()
    {
        var sum = 0m;
        foreach (var subject in _bound)
        {
            HenanFloor.Score(subject, _floor);
            sum += _floor.Total;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Subjects, Description = "this engine, record read in setup")]
    public decimal Engine()
    {
        var sum = 0m;
        foreach (var record in _records)
        {
            sum += _system.Score(record).Total;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Subjects, Description = "RulesEngine 6.0.1 workflow, typed input")]
    public decimal RulesEngine()
    {
        var sum = 0m;
        foreach (var input in _ruleInputs)
        {
            _rulesEngine.Score(input, _peer);
            sum += _peer.Total;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Subjects, Description = "NCalc 7.4.0 expressions, parsed once")]
    public decimal NCalc()
    {
        var sum = 0m;
        foreach (var subject in _subjects)
        {
            _ncalc.Score(subject, _peer);
            sum += _peer.Total;
        }

        return sum;
    }
}
