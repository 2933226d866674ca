namespace IndicatorEngine.Cli.Arguments;

/// <summary>
/// Splits a command's arguments into operands and options. Accepts <c>--name value</c>, <c>--name=value</c>,
/// <c>-x value</c>, flags, and <c>--</c> to end options (so a file may be called <c>-x.json</c>); a lone
/// <c>-</c> is an operand. Anything unknown, repeated or missing its value is a <see cref="UsageException"/>.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs, string usage)
    {
        var operands = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var onlyOperands = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyOperands || arg.Length < 2 || arg[0] != '-')
            {
                operands.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyOperands = true;
                continue;
            }

            string? inlineValue = null;
            OptionSpec? spec;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = arg.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? arg[2..] : arg[2..equals];
                inlineValue = equals < 0 ? null : arg[(equals + 1)..];
                spec = specs.FirstOrDefault(s => s.Name == name);
            }
            else
            {
                spec = arg.Length == 2 ? specs.FirstOrDefault(s => s.Alias == arg[1]) : null;
            }

            if (spec is null)
            {
                throw new UsageException($"unknown option '{arg}'", usage);
            }

            if (options.ContainsKey(spec.Name))
            {
                throw new UsageException($"option '--{spec.Name}' is given more than once", usage);
            }

            if (!spec.TakesValue)
            {
                if (inlineValue is not null)
                {
                    throw new UsageException($"option '--{spec.Name}' takes no value", usage);
                }

                options[spec.Name] = null;
                continue;
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (string.IsNullOrEmpty(value))
            {
                throw new UsageException($"option '--{spec.Name}' needs a value: --{spec.Name} {spec.ValueName}", usage);
            }

            options[spec.Name] = value;
        }

        return new ParsedArguments(operands, options);
    }

    /// <summary>Reads a size in bytes: a whole number, optionally with a k, m or g suffix (KiB, MiB, GiB).</summary>
    public static long ParseSize(string text, string option, string usage)
    {
        var multiplier = 1L;
        var digits = text.Trim();
        if (digits.Length > 1)
        {
            multiplier = char.ToLowerInvariant(digits[^1]) switch
            {
                'k' => 1024L,
                'm' => 1024L * 1024,
                'g' => 1024L * 1024 * 1024,
                _ => 1L,
            };
            if (multiplier > 1)
            {
                digits = digits[..^1];
            }
        }

        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value <= 0 || value > long.MaxValue / multiplier)
        {
            throw new UsageException($"option '--{option}' needs a positive number of bytes (e.g. 1048576 or 16m), not '{text}'", usage);
        }

        return value * multiplier;
    }
}
