<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>HostState</name>
    <message>
      <source>idle</source>
      <translation>空闲</translation>
    </message>
    <message>
      <source>connecting</source>
      <translation>正在连接</translation>
    </message>
    <message>
      <source>connected</source>
      <translation>已连接</translation>
    </message>
    <message>
      <source>degraded</source>
      <translation>降级</translation>
    </message>
    <message>
      <source>unreachable</source>
      <translation>无法访问</translation>
    </message>
  </context>
  <context>
    <name>QObject</name>
    <message numerus="yes">
      <source>%n connection(s), drawn as one bundle</source>
      <translation>
        <numerusform>%n 条连接，合并为一束绘制</numerusform>
      </translation>
    </message>
    <message>
      <source>gateway · %1</source>
      <translation>网关 · %1</translation>
    </message>
    <message>
      <source>service · %1</source>
      <translation>服务 · %1</translation>
    </message>
    <message>
      <source>version · %1</source>
      <translation>版本 · %1</translation>
    </message>
    <message>
      <source>route · %1 · %2</source>
      <translation>路由 · %1 · %2</translation>
    </message>
  </context>
  <context>
    <name>mcp::topology::NodeTableModel</name>
    <message>
      <source>healthy</source>
      <translation>健康</translation>
    </message>
    <message>
      <source>degraded</source>
      <translation>降级</translation>
    </message>
    <message>
      <source>down</source>
      <translation>故障</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>gateway %1</source>
      <translation>网关 %1</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>服务</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>健康状态</translation>
    </message>
    <message>
      <source>Healthy/instances</source>
      <translation>健康/实例</translation>
    </message>
    <message>
      <source>Versions</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Instance</source>
      <translation>实例</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>主机</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Networks</source>
      <translation>网络</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::ConnectionDialog</name>
    <message>
      <source>Edit host %1</source>
      <translation>编辑主机 %1</translation>
    </message>
    <message>
      <source>Add host</source>
      <translation>添加主机</translation>
    </message>
    <message>
      <source>e.g. prod-eu-1</source>
      <translation>例如 prod-eu-1</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>名称(&amp;N)：</translation>
    </message>
    <message>
      <source>Docker &amp;context:</source>
      <translation>Docker 上下文(&amp;C)：</translation>
    </message>
    <message>
      <source>&amp;URL:</source>
      <translation>URL(&amp;U)：</translation>
    </message>
    <message>
      <source>TLS (the engine's certificate is always verified)</source>
      <translation>TLS（始终验证引擎的证书）</translation>
    </message>
    <message>
      <source>CA certificate:</source>
      <translation>CA 证书：</translation>
    </message>
    <message>
      <source>Client certificate:</source>
      <translation>客户端证书：</translation>
    </message>
    <message>
      <source>Client key:</source>
      <translation>客户端私钥：</translation>
    </message>
    <message>
      <source>SSH (ssh-agent and ~/.ssh/config are used too)</source>
      <translation>SSH（同时使用 ssh-agent 和 ~/.ssh/config）</translation>
    </message>
    <message>
      <source>Identity file:</source>
      <translation>身份密钥文件：</translation>
    </message>
    <message>
      <source>known_hosts file:</source>
      <translation>known_hosts 文件：</translation>
    </message>
    <message>
      <source>&amp;Test connection</source>
      <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
      <source>Choose a file</source>
      <translation>选择文件</translation>
    </message>
    <message>
      <source>Docker contexts unavailable: %1</source>
      <translation>无法读取 Docker 上下文：%1</translation>
    </message>
    <message>
      <source>There is already a host called %1.</source>
      <translation>已存在名为 %1 的主机。</translation>
    </message>
    <message>
      <source>Connecting to %1…</source>
      <translation>正在连接 %1…</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>Connected: Docker %1, API %2, %3, via %4, %5 ms</source>
      <translation>已连接：Docker %1，API %2，%3，经由 %4，%5 毫秒</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::ContainerConsoleWindow</name>
    <message>
      <source>Console: %1 on %2</source>
      <translation>控制台：%1（主机 %2）</translation>
    </message>
    <message>
      <source>Type a line for the container's stdin and press Enter</source>
      <translation>输入一行发送到容器的标准输入，按回车发送</translation>
    </message>
    <message>
      <source>Attaching…</source>
      <translation>正在附加…</translation>
    </message>
    <message>
      <source>the host was removed</source>
      <translation>该主机已被移除</translation>
    </message>
    <message>
      <source>Attached</source>
      <translation>已附加</translation>
    </message>
    <message>
      <source>Attached (output only: the container has no open stdin)</source>
      <translation>已附加（仅输出：容器未打开标准输入）</translation>
    </message>
    <message>
      <source>the process ended</source>
      <translation>进程已结束</translation>
    </message>
    <message>
      <source>Detached: %1</source>
      <translation>已断开：%1</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::ContainerLogWindow</name>
    <message>
      <source>Logs: %1 on %2</source>
      <translation>日志：%1（主机 %2）</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>正在连接…</translation>
    </message>
    <message>
      <source>Follow</source>
      <translation>跟随</translation>
    </message>
    <message>
      <source>the host was removed</source>
      <translation>该主机已被移除</translation>
    </message>
    <message>
      <source>Following the log</source>
      <translation>正在跟随日志</translation>
    </message>
    <message>
      <source>the container stopped</source>
      <translation>容器已停止</translation>
    </message>
    <message>
      <source>Log ended: %1</source>
      <translation>日志已结束：%1</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::DetailsPanel</name>
    <message>
      <source>Select a node to see its health, problems, labels, ports and networks.</source>
      <translation>选择一个节点，查看其健康状态、问题、标签、端口和网络。</translation>
    </message>
    <message>
      <source> on host %1</source>
      <translation>，位于主机 %1</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Fix:</source>
      <translation>修复方法：</translation>
    </message>
    <message>
      <source>Health probes</source>
      <translation>健康探测</translation>
    </message>
    <message>
      <source>Facts</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>networks</source>
      <translation>网络</translation>
    </message>
    <message>
      <source>published</source>
      <translation>已发布端口</translation>
    </message>
    <message>
      <source>versions</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>标签</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::Health</name>
    <message>
      <source>healthy</source>
      <translation>健康</translation>
    </message>
    <message>
      <source>degraded</source>
      <translation>降级</translation>
    </message>
    <message>
      <source>down</source>
      <translation>故障</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::HostKeyDialog</name>
    <message>
      <source>Host key changed: %1</source>
      <translation>主机密钥已变更：%1</translation>
    </message>
    <message>
      <source>Unknown host: %1</source>
      <translation>未知主机：%1</translation>
    </message>
    <message>
      <source>&lt;b&gt;The host key of %1 has changed.&lt;/b&gt;&lt;br&gt;Either the server was reinstalled or someone is intercepting the connection. The console will not connect. If the change is expected, remove the old key from %2 (for example &lt;tt&gt;ssh-keygen -R '%1' -f %2&lt;/tt&gt;) and connect again.</source>
      <translation>&lt;b&gt;%1 的主机密钥已变更。&lt;/b&gt;&lt;br&gt;可能是服务器被重装，也可能有人在拦截连接。控制台不会连接。如果这是预期的变更，请从 %2 中删除旧密钥（例如 &lt;tt&gt;ssh-keygen -R '%1' -f %2&lt;/tt&gt;）后重新连接。</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1 is not a known host.&lt;/b&gt;&lt;br&gt;Compare the fingerprint below with the one the server's administrator gives you (&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub&lt;/tt&gt; on the server). Trusting adds this key to %2.</source>
      <translation>&lt;b&gt;%1 不是已知主机。&lt;/b&gt;&lt;br&gt;请将下面的指纹与服务器管理员提供的指纹核对（在服务器上运行 &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub&lt;/tt&gt;）。信任后会将此密钥添加到 %2。</translation>
    </message>
    <message>
      <source>Host:</source>
      <translation>主机：</translation>
    </message>
    <message>
      <source>Key type:</source>
      <translation>密钥类型：</translation>
    </message>
    <message>
      <source>Offered key:</source>
      <translation>对方提供的密钥：</translation>
    </message>
    <message>
      <source>Fingerprint:</source>
      <translation>指纹：</translation>
    </message>
    <message>
      <source>Known key:</source>
      <translation>已知密钥：</translation>
    </message>
    <message>
      <source>known_hosts:</source>
      <translation>known_hosts：</translation>
    </message>
    <message>
      <source>Trust and connect</source>
      <translation>信任并连接</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::HostListModel</name>
    <message>
      <source>via %1</source>
      <translation>经由 %1</translation>
    </message>
    <message>
      <source>%1 (this session)</source>
      <translation>%1（仅本次会话）</translation>
    </message>
    <message>
      <source>not configured</source>
      <translation>配置无效</translation>
    </message>
    <message>
      <source>context %1</source>
      <translation>上下文 %1</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>主机</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Connection</source>
      <translation>连接</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::HostsPanel</name>
    <message>
      <source>Add…</source>
      <translation>添加…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Reconnect</source>
      <translation>重新连接</translation>
    </message>
    <message>
      <source>Review host key…</source>
      <translation>查看主机密钥…</translation>
    </message>
    <message>
      <source>See the SSH host key this host offered and trust it</source>
      <translation>查看该主机提供的 SSH 主机密钥并信任它</translation>
    </message>
    <message>
      <source>Select a host.</source>
      <translation>请选择一台主机。</translation>
    </message>
    <message>
      <source>No hosts yet: add one, or a Docker context.</source>
      <translation>尚无主机：请添加主机或 Docker 上下文。</translation>
    </message>
    <message>
      <source>via %1</source>
      <translation>经由 %1</translation>
    </message>
    <message>
      <source>Add host</source>
      <translation>添加主机</translation>
    </message>
    <message>
      <source>Edit host</source>
      <translation>编辑主机</translation>
    </message>
    <message>
      <source>Remove host</source>
      <translation>移除主机</translation>
    </message>
    <message>
      <source>Remove %1 from the console? Its containers are not touched.</source>
      <translation>从控制台移除 %1？不会影响其上的容器。</translation>
    </message>
    <message>
      <source>Trust host key</source>
      <translation>信任主机密钥</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::InventoryPanel</name>
    <message>
      <source>Services</source>
      <translation>服务</translation>
    </message>
    <message>
      <source>Instances</source>
      <translation>实例</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::MainWindow</name>
    <message>
      <source>MCP Console</source>
      <translation>MCP 控制台</translation>
    </message>
    <message>
      <source>Topology</source>
      <translation>拓扑</translation>
    </message>
    <message>
      <source>Search: name, health:down, app=users, host:…</source>
      <translation>搜索：名称、health:down、app=users、host:…</translation>
    </message>
    <message>
      <source>&lt;p&gt;Filters the graph and the tables. Terms must all match:&lt;/p&gt;&lt;p&gt;&lt;tt&gt;users&lt;/tt&gt; name, address, image…&lt;br&gt;&lt;tt&gt;health:down&lt;/tt&gt; or &lt;tt&gt;health:degraded,down&lt;/tt&gt; or &lt;tt&gt;health:bad&lt;/tt&gt;&lt;br&gt;&lt;tt&gt;host:prod&lt;/tt&gt; Docker host&lt;br&gt;&lt;tt&gt;kind:instance&lt;/tt&gt; node kind&lt;br&gt;&lt;tt&gt;app=users&lt;/tt&gt; label value&lt;br&gt;&lt;tt&gt;problem:&lt;/tt&gt; any problem, &lt;tt&gt;problem:doctor.port&lt;/tt&gt; by code&lt;/p&gt;</source>
      <translation>&lt;p&gt;同时过滤拓扑图和表格，所有条件都须满足：&lt;/p&gt;&lt;p&gt;&lt;tt&gt;users&lt;/tt&gt; 名称、地址、镜像…&lt;br&gt;&lt;tt&gt;health:down&lt;/tt&gt;、&lt;tt&gt;health:degraded,down&lt;/tt&gt; 或 &lt;tt&gt;health:bad&lt;/tt&gt;&lt;br&gt;&lt;tt&gt;host:prod&lt;/tt&gt; Docker 主机&lt;br&gt;&lt;tt&gt;kind:instance&lt;/tt&gt; 节点类型&lt;br&gt;&lt;tt&gt;app=users&lt;/tt&gt; 标签值&lt;br&gt;&lt;tt&gt;problem:&lt;/tt&gt; 任意问题，&lt;tt&gt;problem:doctor.port&lt;/tt&gt; 按代码&lt;/p&gt;</translation>
    </message>
    <message>
      <source>No grouping</source>
      <translation>不分组</translation>
    </message>
    <message>
      <source>Group by host</source>
      <translation>按主机分组</translation>
    </message>
    <message>
      <source>Group by Compose project</source>
      <translation>按 Compose 项目分组</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>适应窗口</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message numerus="yes">
      <source>%n match(es) in the graph</source>
      <translation>
        <numerusform>图中有 %n 个匹配</numerusform>
      </translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Services and instances</source>
      <translation>服务与实例</translation>
    </message>
    <message>
      <source>Hosts</source>
      <translation>主机</translation>
    </message>
    <message>
      <source>Logs</source>
      <translation>日志</translation>
    </message>
    <message>
      <source>Console (attach)</source>
      <translation>控制台（附加）</translation>
    </message>
    <message>
      <source>Restart…</source>
      <translation>重启…</translation>
    </message>
    <message>
      <source>Show only this and related</source>
      <translation>只显示此项及相关项</translation>
    </message>
    <message>
      <source>Copy id</source>
      <translation>复制 ID</translation>
    </message>
    <message>
      <source>Host %1 is not connected</source>
      <translation>主机 %1 未连接</translation>
    </message>
    <message>
      <source>Restart container</source>
      <translation>重启容器</translation>
    </message>
    <message>
      <source>Restart %1 on %2? Requests it is serving will fail while it restarts.</source>
      <translation>重启主机 %2 上的 %1？重启期间它正在处理的请求会失败。</translation>
    </message>
    <message>
      <source>Restarting %1…</source>
      <translation>正在重启 %1…</translation>
    </message>
    <message>
      <source>Restarted %1</source>
      <translation>已重启 %1</translation>
    </message>
    <message>
      <source>Restarting %1 failed: %2</source>
      <translation>重启 %1 失败：%2</translation>
    </message>
    <message numerus="yes">
      <source>%n host(s)</source>
      <translation>
        <numerusform>%n 台主机</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n connected</source>
      <translation>
        <numerusform>%n 台已连接</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n connecting</source>
      <translation>
        <numerusform>%n 台正在连接</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n degraded</source>
      <translation>
        <numerusform>%n 台降级</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unreachable</source>
      <translation>
        <numerusform>%n 台无法访问</numerusform>
      </translation>
    </message>
    <message>
      <source>No host is connected yet.
Add a host or a Docker context in the Hosts panel.</source>
      <translation>尚未连接任何主机。
请在“主机”面板中添加主机或 Docker 上下文。</translation>
    </message>
    <message>
      <source>No labelled services or gateways on the connected hosts.
Label containers with mcp.service.name and mcp.service.port (gateways: mcp.gateway and mcp.gateway.driver),
or start the demo stack: ./scripts/demo-stack up</source>
      <translation>已连接的主机上没有带标签的服务或网关。
请为容器添加 mcp.service.name 和 mcp.service.port 标签（网关：mcp.gateway 和 mcp.gateway.driver），
或启动演示环境：./scripts/demo-stack up</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::PassphraseDialog</name>
    <message>
      <source>SSH key passphrase</source>
      <translation>SSH 密钥口令</translation>
    </message>
    <message>
      <source>The SSH key &lt;b&gt;%1&lt;/b&gt; is encrypted. Enter its passphrase to connect.&lt;br&gt;&lt;small&gt;It is used for this connection only and never saved.&lt;/small&gt;</source>
      <translation>SSH 密钥 &lt;b&gt;%1&lt;/b&gt; 已加密。请输入口令以连接。&lt;br&gt;&lt;small&gt;口令仅用于本次连接，不会被保存。&lt;/small&gt;</translation>
    </message>
  </context>
</TS>