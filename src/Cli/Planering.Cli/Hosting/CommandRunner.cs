using System.CommandLine;
using Grpc.Core;
using Planering.Cli.Errors;

namespace Planering.Cli.Hosting;

/// <summary>
/// Gives a command its action and the CLI's one way of failing: a single line on standard error and an exit code
/// that says what kind of failure it was (<see cref="ExitCodes"/>).
/// </summary>
public sealed class CommandRunner(CliEnvironment environment, GlobalOptions globals)
{
    public GlobalOptions Globals => globals;

    public void Handle(Command command, Func<Invocation, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var invocation = new Invocation(parse, environment, globals);
            try
            {
                return await body(invocation, cancellationToken);
            }
            catch (InputException input)
            {
                return Fail($"{input.Field}: {input.Description}", ExitCodes.InvalidInput);
            }
            catch (RpcException rpc) when (rpc.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                return Fail("cancelled", ExitCodes.Other);
            }
            catch (RpcException rpc)
            {
                return Fail(RpcErrorLine.Describe(rpc, invocation.ServerAddress), ExitCodes.For(rpc.StatusCode));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Fail("cancelled", ExitCodes.Other);
            }
            catch (IOException io)
            {
                return Fail(io.Message, ExitCodes.Other);
            }
            catch (UnauthorizedAccessException denied)
            {
                return Fail(denied.Message, ExitCodes.Other);
            }
        });

    /// <summary>Writes the one error line; exposed for commands that fail on their own terms (an import's report).</summary>
    public int Fail(string line, int exitCode)
    {
        environment.Error.WriteLine($"planering: {line}");
        return exitCode;
    }
}
