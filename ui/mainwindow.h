#pragma once

#include <QMainWindow>

namespace mcp::ui {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace mcp::ui
