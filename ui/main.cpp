#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mcp-console"));
    QApplication::setOrganizationName(QStringLiteral("mcp-console"));
    mcp::ui::MainWindow window;
    window.show();
    return app.exec();
}
