#pragma once

#include "message.h"

namespace mcp {

// A translatable part of a larger message ("CA bundle", a TLS reason, "context \"x\" (file)"),
// passed as an argument: English in the English text, the interface language in the local one.
inline MessageArg phrase(const Message &part)
{
    MessageArg arg(part.english());
    arg.local = part.local();
    return arg;
}

} // namespace mcp
