using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace IndicatorEngine.Batch;

/// <summary>
/// Remembers the subject ids a batch has seen, in input order, and the record each was first seen in. An id is kept
/// as the first 128 bits of the SHA-256 of its UTF-16 text (computed on a worker): 16 bytes whatever the id's
/// length, about 32 bytes a subject in the table (against 80 or more for the strings). Two different ids share a
/// key with a chance below 10^-26 in a million subjects, so the check is exact in practice.
/// </summary>
internal sealed class DuplicateIds
{
    private readonly Dictionary<IdKey, int> _first = [];

    public int Count => _first.Count;

    public static IdKey Key(string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(id.AsSpan()), hash);
        return new IdKey(MemoryMarshal.Read<ulong>(hash), MemoryMarshal.Read<ulong>(hash[8..]));
    }

    /// <summary>The record the key was first seen in, or null when this is its first time (it is then remembered).</summary>
    public long? Seen(IdKey key, long record)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_first, key, out var exists);
        if (exists)
        {
            return first;
        }

        first = (int)Math.Min(record, int.MaxValue);
        return null;
    }

    /// <summary>128 bits of hash as two longs: 8-byte aligned, so a table entry is 32 bytes (a UInt128 key, 16-byte aligned, makes it 48).</summary>
    internal readonly record struct IdKey(ulong High, ulong Low)
    {
        public override int GetHashCode() => unchecked((int)High);
    }
}
