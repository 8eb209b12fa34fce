using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Planering.Gateway.Hosting;

namespace Planering.Gateway.Tests;

/// <summary>One signing-key location, found the same way by silo, gateway and mint-token whatever the working directory.</summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"planering-dd-{Guid.NewGuid():N}");

    [Fact]
    public async Task Mint_token_from_two_working_directories_uses_one_key_in_the_users_data_directory()
    {
        var home = Directory.CreateDirectory(Path.Combine(_root, "data-home")).FullName;
        var environment = new Dictionary<string, string> { ["XDG_DATA_HOME"] = home };
        var tokens = new List<string>();
        foreach (var folder in new[] { "repository", Path.Combine("repository", "src", "Gateway", "Planering.Gateway") })
        {
            var cwd = Directory.CreateDirectory(Path.Combine(_root, folder)).FullName;
            var result = await HostProcess.RunSiloAsync(cwd, environment, "mint-token", "--role", "viewer");
            Assert.True(result.ExitCode == 0, result.Error);
            tokens.Add(result.Output.Trim());
            Assert.False(Directory.Exists(Path.Combine(cwd, "data")), $"a key was made under the working directory {cwd}");
        }

        var keyFile = Path.Combine(home, "planering", "jwt-signing.key");
        var key = Convert.FromBase64String(File.ReadAllText(keyFile).Trim());
        Assert.All(tokens, token => Assert.True(SignedWith(token, key), $"{token} is not signed with {keyFile}"));
    }

    [Fact]
    public void The_default_is_a_full_path_whatever_the_working_directory()
    {
        var directory = DataDirectory.Of(new ConfigurationBuilder().Build());

        Assert.True(Path.IsPathFullyQualified(directory), directory);
        Assert.Equal(DataDirectory.Default, directory);
        Assert.Equal(Path.Combine(directory, "jwt-signing.key"), Planering.Gateway.Security.SigningKeys.DefaultFile(new ConfigurationBuilder().Build()));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>An HS256 JWT's signature checked by hand: HMAC-SHA256 of "header.payload" under the key.</summary>
    private static bool SignedWith(string token, byte[] key)
    {
        var parts = token.Split('.');
        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        return Convert.ToBase64String(expected).TrimEnd('=').Replace('+', '-').Replace('/', '_') == parts[2];
    }
}
