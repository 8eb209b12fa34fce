using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Planering.Gateway.Hosting;

namespace Planering.Gateway.Security;

/// <summary>
/// The HMAC key that signs and checks tokens when no authority is configured. The embedded default creates a random
/// 256-bit key on first use in the data directory, readable by its owner only, so a local token never needs a secret
/// in the repository or on the command line; the silo, a stand-alone gateway and <c>mint-token</c> all find it there.
/// </summary>
public static class SigningKeys
{
    /// <summary>The key the settings name: <c>SigningKey</c>, <c>SigningKeyFile</c>, or the data directory's own file.</summary>
    /// <exception cref="OptionsValidationException">The key is missing or unreadable; the message names the setting.</exception>
    public static byte[] Resolve(AuthOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            return Decode(options.SigningKey) ?? throw Invalid($"{AuthOptions.Section}:SigningKey must be base64 of at least {AuthOptions.MinKeyBytes} bytes");
        }

        if (!string.IsNullOrEmpty(options.SigningKeyFile))
        {
            if (!File.Exists(options.SigningKeyFile))
            {
                throw Invalid($"{AuthOptions.Section}:SigningKeyFile '{options.SigningKeyFile}' does not exist");
            }

            return Read(options.SigningKeyFile, $"{AuthOptions.Section}:SigningKeyFile");
        }

        return LoadOrCreate(DefaultFile(configuration));
    }

    /// <summary>The embedded default's key file: <c>jwt-signing.key</c> beside the SQLite database.</summary>
    public static string DefaultFile(IConfiguration configuration) => Path.Combine(DataDirectory.Of(configuration), AuthOptions.DefaultKeyFileName);

    /// <summary>Reads the key file, or creates it with a fresh random key (mode 0600) when there is none yet.</summary>
    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path, path);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var key = RandomNumberGenerator.GetBytes(AuthOptions.MinKeyBytes);

        // Written in full under a temporary name and then moved into place, so a silo and a mint-token starting together
        // never read a half-written key: whoever moves first wins and the other reads the winner's key.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, create))
        {
            writer.WriteLine(Convert.ToBase64String(key));
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Read(path, path);
        }
    }

    /// <summary>A base64 key of at least <see cref="AuthOptions.MinKeyBytes"/> bytes, or null.</summary>
    public static byte[]? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var length) && length >= AuthOptions.MinKeyBytes ? buffer[..length] : null;
    }

    private static byte[] Read(string path, string setting)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Invalid($"{setting}: the key file cannot be read: {exception.Message}");
        }

        return Decode(text) ?? throw Invalid($"{setting}: the key file must hold base64 of at least {AuthOptions.MinKeyBytes} bytes");
    }

    private static OptionsValidationException Invalid(string problem) => new(AuthOptions.Section, typeof(AuthOptions), [problem]);
}
