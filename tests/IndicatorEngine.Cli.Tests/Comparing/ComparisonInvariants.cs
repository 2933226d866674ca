using IndicatorEngine.Cli.Comparing;
using IndicatorEngine.Tests.Properties;

namespace IndicatorEngine.Cli.Tests.Comparing;

/// <summary>What comparing results and diffing definitions must always do, on generated systems and evidence.</summary>
public sealed class ComparisonInvariants
{
    [Invariant]
    public void Compare_OfAResultWithItself_HasNoDeltas(GeneratedCase generated)
    {
        var system = generated.Load();
        foreach (var subject in generated.Subjects)
        {
            var card = system.Score(generated.Evidence(subject));
            var comparison = ResultComparison.Compare(card, card);

            Assert.Empty(comparison.Changes);
            Assert.Empty(comparison.OnlyInOld);
            Assert.Empty(comparison.OnlyInNew);
            Assert.Equal(0m, comparison.TotalDelta);
            Assert.Equal(0m, comparison.UpperBoundDelta);
            Assert.False(comparison.VerdictChanged);
            Assert.False(comparison.GradeChanged);
            Assert.All(comparison.FirstLevel, d => Assert.Equal(0m, d.Delta));
        }
    }

    [Invariant]
    public void Compare_BackwardsGivesTheSameChanges_EachDeltaNegated(GeneratedCase generated)
    {
        var system = generated.Load();
        var a = system.Score(generated.Evidence(generated.Subjects[0], "a"));
        var b = system.Score(generated.Evidence(generated.Subjects[1], "b"));

        var forward = ResultComparison.Compare(a, b);
        var backward = ResultComparison.Compare(b, a);

        Assert.Equal(forward.Changes.Select(d => d.Id), backward.Changes.Select(d => d.Id));
        Assert.Equal(forward.Changes.Select(d => -d.Delta), backward.Changes.Select(d => d.Delta));
        Assert.Equal(-forward.TotalDelta, backward.TotalDelta);
        Assert.Equal(-forward.UpperBoundDelta, backward.UpperBoundDelta);
        Assert.Equal(forward.VerdictChanged, backward.VerdictChanged);
        Assert.Equal(forward.FirstLevel.Select(d => -d.Delta), backward.FirstLevel.Select(d => d.Delta));
    }

    [Invariant]
    public void Compare_ListsLargestChangesFirst_TiesById(GeneratedCase generated)
    {
        var system = generated.Load();
        var comparison = ResultComparison.Compare(
            system.Score(generated.Evidence(generated.Subjects[0])), system.Score(generated.Evidence(generated.Subjects[2])));

        var expected = comparison.Changes.OrderByDescending(d => Math.Abs(d.Delta)).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id);
        Assert.Equal(expected, comparison.Changes.Select(d => d.Id));
        Assert.All(comparison.Changes, d => Assert.True(d.Changed));
    }

    [Invariant]
    public void Diff_OfADefinitionWithItself_IsEmpty(GeneratedCase generated)
    {
        // Two loads of one text: nothing is shared but the text.
        Assert.Empty(DefinitionDiff.Compare(generated.Load(), generated.Load()));
    }

    [Invariant]
    public void Diff_Backwards_SwapsAddedAndRemoved(GeneratedCase generated)
    {
        var other = GeneratedCase.Create(generated.Seed ^ 0x5EED, generated.Size);
        var a = generated.Load();
        var b = other.Load();

        var forward = DefinitionDiff.Compare(a, b);
        var backward = DefinitionDiff.Compare(b, a);

        int Count(IReadOnlyList<DefinitionChange> changes, ChangeKind kind) => changes.Count(c => c.Kind == kind);
        Assert.Equal(Count(forward, ChangeKind.Added), Count(backward, ChangeKind.Removed));
        Assert.Equal(Count(forward, ChangeKind.Removed), Count(backward, ChangeKind.Added));
        Assert.Equal(Count(forward, ChangeKind.Moved), Count(backward, ChangeKind.Moved));
        Assert.Equal(Count(forward, ChangeKind.Retitled), Count(backward, ChangeKind.Retitled));
        Assert.Equal(
            forward.Where(c => c.Kind == ChangeKind.Changed).Select(c => (c.Id, c.Setting, c.Old, c.New)),
            backward.Where(c => c.Kind == ChangeKind.Changed).Select(c => (c.Id, c.Setting, Old: c.New, New: c.Old)));
    }
}
