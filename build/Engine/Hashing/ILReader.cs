using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;

namespace Pipeline.Engine.Hashing;

/// <summary>Writes a method body as opcodes with resolved operands, reporting every type it touches.</summary>
internal static class ILReader
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static void Describe(MethodBase method, StringBuilder text, Action<Type?> use)
    {
        if (method is MethodInfo info)
        {
            use(info.ReturnType);
        }
        foreach (var parameter in method.GetParameters())
        {
            use(parameter.ParameterType);
        }
        var body = method.GetMethodBody();
        var il = body?.GetILAsByteArray();
        if (body is null || il is null)
        {
            return;
        }
        foreach (var local in body.LocalVariables)
        {
            text.Append("    local ").Append(MemberNames.Of(local.LocalType)).Append('\n');
            use(local.LocalType);
        }
        foreach (var clause in body.ExceptionHandlingClauses)
        {
            var caught = clause.Flags == ExceptionHandlingClauseOptions.Clause ? MemberNames.Of(clause.CatchType) : "";
            text.Append("    try ").Append(clause.Flags).Append(' ').Append(clause.TryOffset).Append(' ')
                .Append(clause.HandlerOffset).Append(' ').Append(caught).Append('\n');
        }
        var genericTypeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var genericMethodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var code = il[position] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[position + 1])] : OpCodesByValue[il[position]];
            position += code.Size;
            text.Append("    ").Append(code.Name).Append(' ');
            position += DescribeOperand(code.OperandType, il, position, method.Module, genericTypeArguments, genericMethodArguments, text, use);
            text.Append('\n');
        }
    }

    private static int DescribeOperand(OperandType kind, byte[] il, int at, Module module, Type[]? typeArgs, Type[]? methodArgs,
        StringBuilder text, Action<Type?> use)
    {
        switch (kind)
        {
            case OperandType.InlineNone:
                return 0;
            case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                text.Append(il[at]);
                return 1;
            case OperandType.InlineVar:
                text.Append(BinaryPrimitives.ReadUInt16LittleEndian(il.AsSpan(at)));
                return 2;
            case OperandType.InlineI8 or OperandType.InlineR:
                text.Append(Convert.ToHexString(il, at, 8));
                return 8;
            case OperandType.InlineSwitch:
                var count = BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(at));
                text.Append(Convert.ToHexString(il, at, 4 + (4 * count)));
                return 4 + (4 * count);
            case OperandType.InlineString:
                var literal = module.ResolveString(Token(il, at));
                text.Append('"').Append(literal).Append('"');
                // A string that names a file embedded in the assembly (a script bundle) versions the code by that file too.
                if (EmbeddedResources.HashOf(module.Assembly, literal) is { } resource)
                {
                    text.Append(" embedded ").Append(resource);
                }
                return 4;
            case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                text.Append(ResolveMember(module, Token(il, at), typeArgs, methodArgs, use));
                return 4;
            case OperandType.InlineSig:
                text.Append(Convert.ToHexString(module.ResolveSignature(Token(il, at))));
                return 4;
            default:
                text.Append(Convert.ToHexString(il, at, 4));
                return 4;
        }
    }

    private static int Token(byte[] il, int at) => BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(at));

    private static string ResolveMember(Module module, int token, Type[]? typeArgs, Type[]? methodArgs, Action<Type?> use)
    {
        try
        {
            var member = module.ResolveMember(token, typeArgs, methodArgs);
            if (member is null)
            {
                return "?";
            }
            use(member as Type ?? member.DeclaringType);
            return MemberNames.Of(member);
        }
        catch (ArgumentException)
        {
            return "unresolved";
        }
    }
}
