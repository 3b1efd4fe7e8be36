#pragma once

#include "common/result.h"

#include <QString>

namespace mcp::gateway {

// The spec text with the certificate `name` pointing at new files (certFile, keyFile; paths
// as given, absolute ones resolve anywhere). Comments and layout survive (specedit). An
// error names what is missing: an unreadable spec or no certificate of that name.
Result<QString> specWithCertificate(const QString &specText, const QString &name, const QString &certFile, const QString &keyFile);

} // namespace mcp::gateway
