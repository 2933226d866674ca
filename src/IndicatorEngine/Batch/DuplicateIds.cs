using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace IndicatorEngine.Batch;

/// <summary>
/// Remembers the subject ids a batch has seen, in input order, and the record each was first seen in. An id is kept
/// as the first 128 bits of the SHA-256 of its UTF-16 text (computed on a worker), 16 bytes whatever the id's
/// length: about 40 bytes a subject with the table's own cost, against 80 or more for the strings. Two different
/// ids share a key with a chance below 10^-26 in a million subjects, so the check is exact in practice.
/// </summary>
internal sealed class DuplicateIds
{
    private readonly Dictionary<UInt128, long> _first = [];

    public int Count => _first.Count;

    public static UInt128 Key(string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(id.AsSpan()), hash);
        return MemoryMarshal.Read<UInt128>(hash);
    }

    /// <summary>The record the key was first seen in, or null when this is its first time (it is then remembered).</summary>
    public long? Seen(UInt128 key, long record)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_first, key, out var exists);
        if (exists)
        {
            return first;
        }

        first = record;
        return null;
    }
}
