#include "globaloptions.h"

namespace mcp::cli {

namespace {
Error usage(const QString &detail)
{
    return Error::make(ErrorKind::Usage, QStringLiteral("usage"), detail);
}
} // namespace

Result<GlobalOptions> GlobalOptions::parse(const QStringList &argv)
{
    GlobalOptions o;
    // argv[0] is the program.
    for (qsizetype i = 1; i < argv.size(); ++i) {
        QString arg = argv.at(i);
        QString inlineValue;
        bool hasInline = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            const qsizetype eq = arg.indexOf(QLatin1Char('='));
            inlineValue = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasInline = true;
        }
        const auto value = [&](const QString &name) -> Result<QString> {
            if (hasInline)
                return inlineValue;
            if (i + 1 >= argv.size())
                return usage(QStringLiteral("%1 needs a value").arg(name));
            return argv.at(++i);
        };
        // A whole number of milliseconds of at least `minimum`; `rule` says so in the error.
        const auto milliseconds = [&](const QString &name, int minimum, const QString &rule) -> Result<int> {
            auto v = value(name);
            if (!v)
                return v.error();
            bool ok = false;
            const int ms = v->toInt(&ok);
            if (!ok || ms < minimum)
                return usage(QStringLiteral("%1 takes %2, not '%3'").arg(name, rule, *v));
            return ms;
        };
        if (arg == QLatin1String("--host") || arg == QLatin1String("-H")) {
            auto v = value(arg);
            if (!v)
                return v.error();
            o.host = *v;
        } else if (arg == QLatin1String("--context") || arg == QLatin1String("-c")) {
            auto v = value(arg);
            if (!v)
                return v.error();
            o.context = *v;
        } else if (arg == QLatin1String("--format")) {
            auto v = value(arg);
            if (!v)
                return v.error();
            if (*v == QLatin1String("text"))
                o.format = OutputFormat::Text;
            else if (*v == QLatin1String("json"))
                o.format = OutputFormat::Json;
            else if (*v == QLatin1String("dot"))
                o.format = OutputFormat::Dot;
            else
                return usage(QStringLiteral("--format takes text, json or dot, not '%1'").arg(*v));
        } else if (arg == QLatin1String("--accept-new-host-key")) {
            o.acceptNewHostKey = true;
        } else if (arg == QLatin1String("--identity") || arg == QLatin1String("-i")) {
            auto v = value(arg);
            if (!v)
                return v.error();
            o.identityFiles << *v;
        } else if (arg == QLatin1String("--known-hosts")) {
            auto v = value(arg);
            if (!v)
                return v.error();
            o.knownHostsFile = *v;
        } else if (arg == QLatin1String("--timeout")) {
            auto v = value(arg);
            if (!v)
                return v.error();
            bool ok = false;
            const double s = v->toDouble(&ok);
            if (!ok || s <= 0)
                return usage(QStringLiteral("--timeout takes seconds > 0, not '%1'").arg(*v));
            o.timeoutMs = int(s * 1000);
        } else if (arg == QLatin1String("--no-probe")) {
            o.probe = false;
        } else if (arg == QLatin1String("--probe-timeout")) {
            const auto ms = milliseconds(arg, 1, QStringLiteral("milliseconds > 0"));
            if (!ms)
                return ms.error();
            o.probeTimeoutMs = *ms;
        } else if (arg == QLatin1String("--probe-interval")) {
            const auto ms = milliseconds(arg, 1000, QStringLiteral("milliseconds >= 1000"));
            if (!ms)
                return ms.error();
            o.probeIntervalMs = *ms;
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            o.help = true;
        } else if (arg == QLatin1String("--version")) {
            o.version = true;
        } else if (o.command.isEmpty() && !arg.startsWith(QLatin1Char('-'))) {
            o.command = arg;
        } else {
            // Everything else belongs to the command (its own flags and operands).
            o.arguments << argv.at(i);
        }
    }
    if (!o.host.isEmpty() && !o.context.isEmpty())
        return usage(QStringLiteral("--host and --context exclude each other"));
    return o;
}

} // namespace mcp::cli
