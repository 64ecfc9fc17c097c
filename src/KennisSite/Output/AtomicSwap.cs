using System.Runtime.InteropServices;

namespace KennisSite.Output;

/// <summary>Linux's renameat2(RENAME_EXCHANGE): two folders trade places in one step, so a reader or a kill never sees neither.</summary>
internal static class AtomicSwap
{
    private const int CurrentDirectory = -100;
    private const uint RenameExchange = 2;

    public static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return RenameAt2(CurrentDirectory, a, CurrentDirectory, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the whole library for one call.
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
#pragma warning restore SYSLIB1054
}
