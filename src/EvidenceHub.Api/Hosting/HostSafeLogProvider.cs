using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace EvidenceHub.Api.Hosting;

/// <summary>
/// Hangfire keeps its log provider in a static global, which outlives the host that set it: with
/// several hosts in one process (the tests), a later host's Hangfire objects would log into an earlier
/// host's disposed logger factory and fail. This provider logs through ASP.NET Core's logging while
/// the factory lives and quietly drops log lines after it is gone.
/// </summary>
public sealed class HostSafeLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new HostSafeLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new HostSafeLog(null);
        }
    }

    private sealed class HostSafeLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc!, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
