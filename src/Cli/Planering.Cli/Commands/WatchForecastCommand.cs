using System.CommandLine;
using Grpc.Core;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering watch-forecast</c>: the live forecast (ForecastService.WatchCapacityForecast). The server sends the
/// current forecast at once and a fresh one whenever the plan changes; each is shown as it comes, compactly, until
/// Ctrl-C or <c>--count</c> messages. Either end is a normal end of a watch, so both exit 0.
/// </summary>
public static class WatchForecastCommand
{
    public static Command Create(CommandRunner runner)
    {
        var offices = ForecastCommand.OfficeOption();
        var count = new Option<int?>("--count") { Description = "Stop after this many forecasts (default: until Ctrl-C)", HelpName = "N" };
        var command = new Command("watch-forecast", "Follow the live capacity forecast: one summary now and one per plan change, until Ctrl-C (--json: one JSON line each)")
        {
            offices, count,
        };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new WatchCapacityForecastRequest();
            request.OfficeIds.AddRange(ForecastCommand.OfficeIds(run, offices));
            var limit = run.Value(count);
            if (limit is < 1)
            {
                throw new InputException("--count", "must be at least 1");
            }

            var received = 0;
            try
            {
                using var call = run.Server.Forecast.WatchCapacityForecast(request, cancellationToken: cancellationToken);
                await foreach (var forecast in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (run.Json)
                    {
                        run.WriteJsonLine(forecast);
                    }
                    else
                    {
                        ForecastViews.WriteSummary(run.Console, forecast, DateTimeOffset.Now);
                    }

                    if (++received == limit)
                    {
                        // Disposing the call cancels it: the server sees the watcher leave, as on Ctrl-C.
                        return 0;
                    }
                }
            }
            catch (Exception stopped) when (cancellationToken.IsCancellationRequested && stopped is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                return 0;
            }

            // The server ended the stream itself (it is shutting down): the watch did not run as long as asked.
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, $"the server ended the watch after {received} forecast(s)"));
        });
        return command;
    }
}
