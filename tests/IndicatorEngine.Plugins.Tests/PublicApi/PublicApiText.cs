using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace IndicatorEngine.Plugins.Tests.PublicApi;

/// <summary>
/// Writes an assembly's public surface as text, one type and one member per line, sorted, with nullability:
/// what a plugin author or a host can touch. Compared against a committed file so that a change shows in review.
/// </summary>
internal static class PublicApiText
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Of(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Header(type)).Append('\n');
            foreach (var (_, member) in Members(type).OrderBy(m => m.Key, StringComparer.Ordinal).ThenBy(m => m.Text, StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Header(Type type)
    {
        var kind = type.IsEnum ? "enum"
            : type.IsInterface ? "interface"
            : type.IsValueType ? (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly " : "") + (type.IsByRefLike ? "ref struct" : "struct")
            : (type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "") + (type.GetMethod("<Clone>$") is not null ? "record" : "class");
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic && (type.BaseType is null || !i.IsAssignableFrom(type.BaseType))).Select(Name).Order(StringComparer.Ordinal));
        return $"{kind} {type.Namespace}.{Name(type)}{(bases.Count == 0 ? "" : " : " + string.Join(", ", bases))}";
    }

    /// <summary>Each member's text, with the key it sorts by: its name (an enum's members by value).</summary>
    private static IEnumerable<(string Key, string Text)> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var value = Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture);
                yield return (value.ToString("D10", System.Globalization.CultureInfo.InvariantCulture), $"{field.Name} = {value}");
            }

            yield break;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var member in type.GetMembers(Declared).Where(Visible))
        {
            switch (member)
            {
                case ConstructorInfo c:
                    yield return (".ctor", $"{Access(c)}{Name(type).Split('<')[0]}({Parameters(c, nullability)})");
                    break;
                case MethodInfo m when !m.IsSpecialName:
                    yield return (m.Name, $"{Access(m)}{Modifiers(m)}{Nullable(nullability.Create(m.ReturnParameter), m.ReturnType)} {m.Name}{Generics(m)}({Parameters(m, nullability)})");
                    break;
                case PropertyInfo p:
                    var accessors = string.Join(" ", new[] { p.GetMethod, p.SetMethod }.Where(a => a is not null && Visible(a))
                        .Select(a => a == p.GetMethod ? "get;" : a!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? "init;" : "set;"));
                    var accessor = (p.GetMethod ?? p.SetMethod)!;
                    yield return (p.Name, $"{Access(accessor)}{Modifiers(accessor)}{Nullable(nullability.Create(p), p.PropertyType)} {p.Name} {{ {accessors} }}");
                    break;
                case FieldInfo f when !f.IsSpecialName:
                    yield return (f.Name, $"{Access(f)}{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{Nullable(nullability.Create(f), f.FieldType)} {f.Name}");
                    break;
                case EventInfo e:
                    yield return (e.Name, $"event {Name(e.EventHandlerType!)} {e.Name}");
                    break;
            }
        }
    }

    private static bool Visible(MemberInfo member) => member switch
    {
        MethodBase m => (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly) && !m.Name.Contains('<', StringComparison.Ordinal),
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => new[] { p.GetMethod, p.SetMethod }.Any(a => a is not null && Visible(a)),
        EventInfo e => e.AddMethod is { } add && Visible(add),
        _ => false,
    };

    private static string Access(MethodBase m) => m.IsPublic ? "public " : "protected ";

    private static string Access(FieldInfo f) => f.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo m) =>
        m.IsStatic ? "static "
        : m.DeclaringType!.IsInterface ? ""
        : m.IsAbstract ? "abstract "
        : m.IsVirtual && m.GetBaseDefinition() != m ? (m.IsFinal ? "sealed override " : "override ")
        : m.IsVirtual && !m.IsFinal ? "virtual "
        : "";

    private static string Generics(MethodInfo m) => m.IsGenericMethodDefinition ? $"<{string.Join(", ", m.GetGenericArguments().Select(a => a.Name))}>" : "";

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        (method.IsDefined(typeof(ExtensionAttribute)) ? "this " : "") + string.Join(", ", method.GetParameters().Select(p =>
    {
        var type = p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType;
        var prefix = !p.ParameterType.IsByRef ? "" : p.IsOut ? "out " : p.IsIn ? "in " : "ref ";
        var text = $"{prefix}{Nullable(nullability.Create(p), type)} {p.Name}";
        return p.HasDefaultValue ? $"{text} = {p.DefaultValue switch { null => "null", string s => $"\"{s}\"", var v => v.ToString() }}" : text;
    }));

    private static string Nullable(NullabilityInfo info, Type type) =>
        Name(type) + (!type.IsValueType && info.ReadState == NullabilityState.Nullable ? "?" : "");

    private static string Name(Type type)
    {
        if (System.Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        var keyword = Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "bool",
            TypeCode.Int32 => "int",
            TypeCode.Int64 => "long",
            TypeCode.Decimal => "decimal",
            TypeCode.Double => "double",
            TypeCode.String => "string",
            _ => type == typeof(object) ? "object" : type == typeof(void) ? "void" : null,
        };
        if (keyword is not null && !type.IsEnum)
        {
            return keyword;
        }

        var name = type.IsNested && !type.IsGenericParameter ? Name(type.DeclaringType!) + "." + type.Name : type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        return $"{name[..name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }
}
