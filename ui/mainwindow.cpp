#include "mainwindow.h"

namespace mcp::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("MCP Console"));
    resize(1280, 800);
}

} // namespace mcp::ui
