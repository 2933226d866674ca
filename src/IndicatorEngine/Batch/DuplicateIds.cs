using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace IndicatorEngine.Batch;

/// <summary>
/// Remembers the subject ids a batch has seen, in input order, and the record each was first seen in. An id is kept
/// as the first 96 bits of the SHA-256 of its UTF-16 text (computed on a worker): 12 bytes whatever the id's
/// length, 24 bytes a subject in the table with the record number (against 80 or more for the strings). Two
/// different ids share a key with a chance below 10^-17 in a million subjects, so the check is exact in practice.
/// </summary>
internal sealed class DuplicateIds
{
    private readonly Dictionary<IdKey, int> _first = [];

    public int Count => _first.Count;

    public static IdKey Key(string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(id.AsSpan()), hash);
        return new IdKey(MemoryMarshal.Read<uint>(hash), MemoryMarshal.Read<uint>(hash[4..]), MemoryMarshal.Read<uint>(hash[8..]));
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

    /// <summary>96 bits of hash as three 4-byte parts, so that a table entry (hash, next, key, record) packs into 24 bytes; a UInt128 key, 16-byte aligned, makes it 48.</summary>
    internal readonly record struct IdKey(uint A, uint B, uint C)
    {
        public override int GetHashCode() => unchecked((int)A);
    }
}
