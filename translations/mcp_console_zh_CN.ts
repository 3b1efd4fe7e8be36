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
    <message>
      <source>no traffic</source>
      <translation>无流量</translation>
    </message>
    <message>
      <source>%1/s, %2% 5xx, p99 %3 ms</source>
      <translation>%1/秒，%2% 5xx，p99 %3 毫秒</translation>
    </message>
  </context>
  <context>
    <name>mcp::Errors</name>
    <message>
      <source>the passphrase does not open the encrypted key</source>
      <translation>该口令无法打开加密的密钥</translation>
    </message>
    <message>
      <source>not a PEM private key (%1)</source>
      <translation>不是 PEM 私钥（%1）</translation>
    </message>
    <message>
      <source>the key cannot be written out (%1)</source>
      <translation>无法写出该密钥（%1）</translation>
    </message>
    <message>
      <source>the listener did not answer the TLS hello</source>
      <translation>监听器没有应答 TLS hello</translation>
    </message>
    <message>
      <source>no certificate in the listener's answer (%1)</source>
      <translation>监听器的应答中没有证书（%1）</translation>
    </message>
    <message>
      <source>the gateway's spec cannot be read</source>
      <translation>无法读取网关的规格</translation>
    </message>
    <message>
      <source>the spec has no certificate named `%1`</source>
      <translation>规格中没有名为 `%1` 的证书</translation>
    </message>
    <message>
      <source>the certificate `%1` has a shape that cannot be edited in place</source>
      <translation>证书 `%1` 的写法无法原地编辑</translation>
    </message>
    <message>
      <source>no running container carries mcp.gateway=%1</source>
      <translation>没有运行中的容器带有 mcp.gateway=%1</translation>
    </message>
    <message>
      <source>the gateway keeps no previous config to roll back to</source>
      <translation>网关没有保存可回滚的上一个配置</translation>
    </message>
    <message>
      <source>%1 runs config version %2, but this push is based on %3: someone else pushed; review the new diff and push again</source>
      <translation>%1 运行的配置版本是 %2，而本次推送基于 %3：有人已推送过；请查看新的差异后再推送</translation>
    </message>
    <message>
      <source>%1 rejected the new config: %2</source>
      <translation>%1 拒绝了新配置：%2</translation>
    </message>
    <message>
      <source>%1 refused the certificate through the runtime API: %2</source>
      <translation>%1 通过运行时 API 拒绝了该证书：%2</translation>
    </message>
    <message>
      <source>%1 does not serve version %2 after the reload</source>
      <translation>重新加载后 %1 没有提供版本 %2</translation>
    </message>
    <message>
      <source>%1 port %2 serves %3, not the pushed certificate (serial %4)</source>
      <translation>%1 的端口 %2 提供的是 %3，而不是推送的证书（序列号 %4）</translation>
    </message>
    <message>
      <source>the gateway keeps no previous config (it was never pushed to twice)</source>
      <translation>网关没有保存上一个配置（从未被推送过两次）</translation>
    </message>
    <message>
      <source>weights change at run time on HAProxy only; push the spec to nginx</source>
      <translation>只有 HAProxy 支持在运行时修改权重；请将规格推送到 nginx</translation>
    </message>
    <message>
      <source>%1 runs version %2, not %3 that this change was made from: read it again</source>
      <translation>%1 运行的是版本 %2，而不是本次修改所基于的 %3：请重新读取</translation>
    </message>
    <message>
      <source>%1 runs other servers than the spec names: push the spec instead</source>
      <translation>%1 运行的服务器与规格所列不同：请改为推送规格</translation>
    </message>
    <message>
      <source>%1 did not take the weight %2</source>
      <translation>%1 没有采用权重 %2</translation>
    </message>
    <message>
      <source>the host is gone</source>
      <translation>该主机已不存在</translation>
    </message>
    <message>
      <source>%1 runs no pushed spec: push one before changing weights</source>
      <translation>%1 没有运行推送过的规格：修改权重前请先推送一个</translation>
    </message>
    <message>
      <source>the change does not pass the checks: %1</source>
      <translation>该修改未通过检查：%1</translation>
    </message>
    <message>
      <source>%1 (at %2, the previous config was restored)</source>
      <translation>%1（在 %2 步骤，已恢复上一个配置）</translation>
    </message>
    <message>
      <source>%1 (at %2)</source>
      <translation>%1（在 %2 步骤）</translation>
    </message>
    <message>
      <source>the gateway has no route `%1` (it has: %2)</source>
      <translation>网关没有路由 `%1`（现有：%2）</translation>
    </message>
    <message>
      <source>route `%1` has no backend `%2` (it has: %3)</source>
      <translation>路由 `%1` 没有后端 `%2`（现有：%3）</translation>
    </message>
    <message>
      <source>weight %1 for %2 is outside 0..100</source>
      <translation>%2 的权重 %1 超出 0..100</translation>
    </message>
    <message>
      <source>the weights of route `%1` would sum to %2, not 100</source>
      <translation>路由 `%1` 的权重之和将为 %2，而不是 100</translation>
    </message>
    <message>
      <source>the weight of %1 in route `%2` has a shape that cannot be edited in place</source>
      <translation>路由 `%2` 中 %1 的权重写法无法原地编辑</translation>
    </message>
    <message>
      <source>`%1` is not VERSION=WEIGHT (such as v1=90)</source>
      <translation>`%1` 不是 VERSION=WEIGHT 形式（例如 v1=90）</translation>
    </message>
    <message>
      <source>name the weights: v1=90 v2=10</source>
      <translation>请写出权重：v1=90 v2=10</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
    <message>
      <source>%1: snapshot format version %2; this build reads up to version %3</source>
      <translation>%1：快照格式版本为 %2；此版本最高只能读取版本 %3</translation>
    </message>
    <message>
      <source>%1: not a snapshot (%2)</source>
      <translation>%1：不是快照（%2）</translation>
    </message>
    <message>
      <source>the HAProxy runtime API did not answer: %1</source>
      <translation>HAProxy 运行时 API 没有应答：%1</translation>
    </message>
    <message>
      <source>graph: %1</source>
      <translation>图：%1</translation>
    </message>
    <message>
      <source>the console ended</source>
      <translation>控制台已结束</translation>
    </message>
    <message>
      <source>malformed console frame</source>
      <translation>控制台数据帧格式错误</translation>
    </message>
    <message>
      <source>the engine sent malformed JSON at offset %1: %2</source>
      <translation>引擎发送的 JSON 在偏移 %1 处格式错误：%2</translation>
    </message>
    <message>
      <source>HTTP status %1</source>
      <translation>HTTP 状态 %1</translation>
    </message>
    <message>
      <source>the engine speaks API %1; MCP Console needs %2 or newer</source>
      <translation>引擎使用 API %1；MCP Console 需要 %2 或更新版本</translation>
    </message>
    <message>
      <source>the engine ended the event stream</source>
      <translation>引擎结束了事件流</translation>
    </message>
    <message>
      <source>exec create returned no Id</source>
      <translation>exec create 没有返回 Id</translation>
    </message>
    <message>
      <source>malformed log frame (is the container's Tty setting right?)</source>
      <translation>日志数据帧格式错误（容器的 Tty 设置是否正确？）</translation>
    </message>
    <message>
      <source>the log stream ended</source>
      <translation>日志流已结束</translation>
    </message>
    <message>
      <source>context "%1" not found: there is no %2 (context store %3)</source>
      <translation>找不到上下文 “%1”：不存在 %2（上下文存储 %3）</translation>
    </message>
    <message>
      <source>empty file</source>
      <translation>文件为空</translation>
    </message>
    <message>
      <source>no "Name" string</source>
      <translation>没有 "Name" 字符串</translation>
    </message>
    <message>
      <source>"Metadata.Description" is not a string</source>
      <translation>"Metadata.Description" 不是字符串</translation>
    </message>
    <message>
      <source>"Metadata" is not an object</source>
      <translation>"Metadata" 不是对象</translation>
    </message>
    <message>
      <source>%1: cannot find docker endpoint in context "%2"</source>
      <translation>%1：在上下文 “%2” 中找不到 docker 端点</translation>
    </message>
    <message>
      <source>"Endpoints.docker.Host" is not a string</source>
      <translation>"Endpoints.docker.Host" 不是字符串</translation>
    </message>
    <message>
      <source>"Endpoints.docker.SkipTLSVerify" is not a boolean</source>
      <translation>"Endpoints.docker.SkipTLSVerify" 不是布尔值</translation>
    </message>
    <message>
      <source>no Docker host given</source>
      <translation>未指定 Docker 主机</translation>
    </message>
    <message>
      <source>'%1' is not a valid URL: %2</source>
      <translation>“%1” 不是有效的 URL：%2</translation>
    </message>
    <message>
      <source>refusing a host URL that carries a password in plain text; use an SSH key, ssh-agent or the passphrase prompt instead</source>
      <translation>拒绝使用以明文携带密码的主机 URL；请改用 SSH 密钥、ssh-agent 或口令提示</translation>
    </message>
    <message>
      <source>'%1': a unix endpoint is unix:///absolute/path</source>
      <translation>“%1”：unix 端点的格式为 unix:///absolute/path</translation>
    </message>
    <message>
      <source>'%1': a tcp endpoint is tcp://host:port</source>
      <translation>“%1”：tcp 端点的格式为 tcp://host:port</translation>
    </message>
    <message>
      <source>'%1': a tcp endpoint takes no path</source>
      <translation>“%1”：tcp 端点不能带路径</translation>
    </message>
    <message>
      <source>'%1': an SSH endpoint is ssh://[user@]host[:port][/socket]</source>
      <translation>“%1”：SSH 端点的格式为 ssh://[user@]host[:port][/socket]</translation>
    </message>
    <message>
      <source>'%1': unsupported scheme '%2' (use unix://, tcp:// or ssh://)</source>
      <translation>“%1”：不支持的协议 “%2”（请使用 unix://、tcp:// 或 ssh://）</translation>
    </message>
    <message>
      <source>conflicting options: cannot specify both --host and --context</source>
      <translation>选项冲突：不能同时指定 --host 和 --context</translation>
    </message>
    <message>
      <source>DOCKER_TLS_VERIFY is set</source>
      <translation>已设置 DOCKER_TLS_VERIFY</translation>
    </message>
    <message>
      <source>Point DOCKER_CERT_PATH at the directory holding ca.pem, cert.pem and key.pem.</source>
      <translation>请将 DOCKER_CERT_PATH 指向存放 ca.pem、cert.pem 和 key.pem 的目录。</translation>
    </message>
    <message>
      <source>DOCKER_TLS is set without DOCKER_TLS_VERIFY, so the Docker CLI would use TLS without verifying the server</source>
      <translation>设置了 DOCKER_TLS 而未设置 DOCKER_TLS_VERIFY，因此 Docker CLI 会使用 TLS 但不验证服务器</translation>
    </message>
    <message>
      <source>DOCKER_CERT_PATH is set without DOCKER_TLS_VERIFY, so Docker clients would not verify the server (the Docker CLI would not even use TLS)</source>
      <translation>设置了 DOCKER_CERT_PATH 而未设置 DOCKER_TLS_VERIFY，因此 Docker 客户端不会验证服务器（Docker CLI 甚至不会使用 TLS）</translation>
    </message>
    <message>
      <source>Provide ca.pem (the CA that signed the engine's certificate) in %1, or set DOCKER_TLS_VERIFY=1 with DOCKER_CERT_PATH pointing at ca.pem, cert.pem and key.pem.</source>
      <translation>请在 %1 中提供 ca.pem（签发引擎证书的 CA），或设置 DOCKER_TLS_VERIFY=1 并将 DOCKER_CERT_PATH 指向 ca.pem、cert.pem 和 key.pem 所在目录。</translation>
    </message>
    <message>
      <source>context "%1" (%2)</source>
      <translation>上下文 “%1”（%2）</translation>
    </message>
    <message>
      <source>%1 sets "SkipTLSVerify": true, so the Docker CLI would not verify the server</source>
      <translation>%1 设置了 "SkipTLSVerify": true，因此 Docker CLI 不会验证服务器</translation>
    </message>
    <message>
      <source>Add the engine's CA with `docker context update %1 --docker "host=%2,ca=/path/to/ca.pem"`.</source>
      <translation>请用 `docker context update %1 --docker "host=%2,ca=/path/to/ca.pem"` 添加引擎的 CA。</translation>
    </message>
    <message>
      <source>%1: "currentContext" is not a string</source>
      <translation>%1："currentContext" 不是字符串</translation>
    </message>
    <message>
      <source>cannot read %1: %2</source>
      <translation>无法读取 %1：%2</translation>
    </message>
    <message>
      <source>%1:%2: malformed JSON: %3 (byte offset %4)</source>
      <translation>%1:%2：JSON 格式错误：%3（字节偏移 %4）</translation>
    </message>
    <message>
      <source>%1: expected a JSON object at the top level</source>
      <translation>%1：顶层应为 JSON 对象</translation>
    </message>
    <message>
      <source>%1, but there is no CA certificate at %2. %3</source>
      <translation>%1，但 %2 处没有 CA 证书。%3</translation>
    </message>
    <message>
      <source>%1. MCP Console always verifies the server certificate of %2 and found no CA certificate at %3. %4</source>
      <translation>%1。MCP Console 总是验证 %2 的服务器证书，但在 %3 处找不到 CA 证书。%4</translation>
    </message>
    <message>
      <source>%1 %2 does not exist</source>
      <translation>%1 %2 不存在</translation>
    </message>
    <message>
      <source>%1 %2 is not a readable file</source>
      <translation>%1 %2 不是可读的文件</translation>
    </message>
    <message>
      <source>a host needs a name</source>
      <translation>主机需要一个名称</translation>
    </message>
    <message>
      <source>host name "%1" may only contain letters, digits and . _ - @, and must start with a letter or digit</source>
      <translation>主机名 “%1” 只能包含字母、数字和 . _ - @，且必须以字母或数字开头</translation>
    </message>
    <message>
      <source>host %1 needs either a Docker context or a URL</source>
      <translation>主机 %1 需要 Docker 上下文或 URL 之一</translation>
    </message>
    <message>
      <source>TLS files apply to tcp:// hosts only</source>
      <translation>TLS 文件只适用于 tcp:// 主机</translation>
    </message>
    <message>
      <source>TLS needs the CA that signed the engine's certificate: the server is always verified</source>
      <translation>TLS 需要签发引擎证书的 CA：服务器总是会被验证</translation>
    </message>
    <message>
      <source>a client certificate needs its key and a key its certificate</source>
      <translation>客户端证书需要配套的私钥，私钥也需要配套的证书</translation>
    </message>
    <message>
      <source>CA file</source>
      <translation>CA 文件</translation>
    </message>
    <message>
      <source>client certificate</source>
      <translation>客户端证书</translation>
    </message>
    <message>
      <source>client key</source>
      <translation>客户端私钥</translation>
    </message>
    <message>
      <source>SSH identity file</source>
      <translation>SSH 身份密钥文件</translation>
    </message>
    <message>
      <source>an SSH identity applies to ssh:// hosts only</source>
      <translation>SSH 身份密钥只适用于 ssh:// 主机</translation>
    </message>
    <message>
      <source>host stopped</source>
      <translation>主机已停止</translation>
    </message>
    <message>
      <source>only the key an unknown host offered on its last attempt can be trusted; a changed key must be removed from known_hosts by hand</source>
      <translation>只能信任未知主机在最近一次尝试中提供的密钥；已变更的密钥必须手动从 known_hosts 中删除</translation>
    </message>
    <message>
      <source>there is already a host called %1</source>
      <translation>已存在名为 %1 的主机</translation>
    </message>
    <message>
      <source>there is no host called %1</source>
      <translation>不存在名为 %1 的主机</translation>
    </message>
    <message>
      <source>client closed</source>
      <translation>客户端已关闭</translation>
    </message>
    <message>
      <source>the engine upgraded a plain request</source>
      <translation>引擎对普通请求进行了协议升级</translation>
    </message>
    <message>
      <source>no answer from the engine within %1 s</source>
      <translation>引擎在 %1 秒内没有应答</translation>
    </message>
    <message>
      <source>no connection to the engine after %1 s</source>
      <translation>%1 秒后仍未连接到引擎</translation>
    </message>
    <message>
      <source>the engine sent data with no request outstanding</source>
      <translation>引擎在没有待处理请求时发送了数据</translation>
    </message>
    <message>
      <source>the engine closed the connection without answering</source>
      <translation>引擎未应答就关闭了连接</translation>
    </message>
    <message>
      <source>the connection closed while opening</source>
      <translation>连接在建立过程中被关闭</translation>
    </message>
    <message>
      <source>malformed HTTP response from the engine: %1 (%2)</source>
      <translation>引擎返回的 HTTP 响应格式错误：%1（%2）</translation>
    </message>
    <message>
      <source>the engine closed the connection in the middle of a response</source>
      <translation>引擎在响应中途关闭了连接</translation>
    </message>
    <message>
      <source>cannot run %1: %2</source>
      <translation>无法运行 %1：%2</translation>
    </message>
    <message>
      <source>the host key of %1 does not match known_hosts: %2</source>
      <translation>%1 的主机密钥与 known_hosts 不符：%2</translation>
    </message>
    <message>
      <source>%1 is not in known_hosts: %2</source>
      <translation>%1 不在 known_hosts 中：%2</translation>
    </message>
    <message>
      <source>%1 refused authentication: %2</source>
      <translation>%1 拒绝了认证：%2</translation>
    </message>
    <message>
      <source>ssh to %1 failed: %2</source>
      <translation>通过 SSH 连接 %1 失败：%2</translation>
    </message>
    <message>
      <source>'docker system dial-stdio' on %1 exited with %2: %3</source>
      <translation>%1 上的 “docker system dial-stdio” 以退出码 %2 结束：%3</translation>
    </message>
    <message>
      <source>%1 is encrypted and no passphrase was given (connecting to %2)</source>
      <translation>%1 已加密，但未提供口令（正在连接 %2）</translation>
    </message>
    <message>
      <source>%1 refused public key authentication; no keys were available (no agent, no identity files)</source>
      <translation>%1 拒绝了公钥认证；没有可用的密钥（没有 agent，也没有身份密钥文件）</translation>
    </message>
    <message>
      <source>%1 refused public key authentication; tried %2</source>
      <translation>%1 拒绝了公钥认证；已尝试：%2</translation>
    </message>
    <message>
      <source>%1 closed the connection before authentication</source>
      <translation>%1 在认证前关闭了连接</translation>
    </message>
    <message>
      <source>%1 does not accept public keys (it offers: %2)</source>
      <translation>%1 不接受公钥认证（它提供的方式：%2）</translation>
    </message>
    <message>
      <source>the passphrase for %1 is wrong</source>
      <translation>%1 的口令不正确</translation>
    </message>
    <message>
      <source>authentication with %1 at %2 broke off: %3</source>
      <translation>使用 %1 向 %2 认证时中断：%3</translation>
    </message>
    <message>
      <source>the SSH connector of this stream is gone</source>
      <translation>此数据流所属的 SSH 连接器已不存在</translation>
    </message>
    <message>
      <source>the server did not forward to %1</source>
      <translation>服务器没有转发到 %1</translation>
    </message>
    <message>
      <source>the server did not forward to %1:%2</source>
      <translation>服务器没有转发到 %1:%2</translation>
    </message>
    <message>
      <source>the server refused a session channel</source>
      <translation>服务器拒绝打开会话通道</translation>
    </message>
    <message>
      <source>the server refused to run '%1'</source>
      <translation>服务器拒绝运行 “%1”</translation>
    </message>
    <message>
      <source>writing to the channel failed</source>
      <translation>写入通道失败</translation>
    </message>
    <message>
      <source>reading from the channel failed</source>
      <translation>读取通道失败</translation>
    </message>
    <message>
      <source>'%1' on the remote host failed: %2</source>
      <translation>远程主机上的 “%1” 失败：%2</translation>
    </message>
    <message>
      <source>%1 sent no host key</source>
      <translation>%1 没有发送主机密钥</translation>
    </message>
    <message>
      <source>libssh2_knownhost_init failed</source>
      <translation>libssh2_knownhost_init 失败</translation>
    </message>
    <message>
      <source>the %1 host key of %2 does not match %3: the server offered %4, known_hosts has %5; refusing to connect (the key changed or someone is intercepting the connection)</source>
      <translation>%2 的 %1 主机密钥与 %3 不符：服务器提供的是 %4，known_hosts 中记录的是 %5；拒绝连接（密钥已变更，或有人正在拦截连接）</translation>
    </message>
    <message>
      <source>%1 is not in %2; it offered the %3 key %4. Verify the fingerprint and accept it to continue</source>
      <translation>%1 不在 %2 中；它提供了 %3 密钥 %4。请核对指纹并接受后继续</translation>
    </message>
    <message>
      <source>could not check the host key of %1 against %2</source>
      <translation>无法根据 %2 检查 %1 的主机密钥</translation>
    </message>
    <message>
      <source>cannot create %1</source>
      <translation>无法创建 %1</translation>
    </message>
    <message>
      <source>cannot write %1: %2</source>
      <translation>无法写入 %1：%2</translation>
    </message>
    <message>
      <source>the SSH connector was shut down</source>
      <translation>SSH 连接器已关闭</translation>
    </message>
    <message>
      <source>the SSH session was reset</source>
      <translation>SSH 会话已被重置</translation>
    </message>
    <message>
      <source>%1 is configured with ProxyJump/ProxyCommand in %2, which libssh2 cannot follow; use the OpenSSH client path</source>
      <translation>%1 在 %2 中配置了 ProxyJump/ProxyCommand，libssh2 无法处理；请改用 OpenSSH 客户端方式</translation>
    </message>
    <message>
      <source>%1 has no address</source>
      <translation>%1 没有地址</translation>
    </message>
    <message>
      <source>cannot resolve %1: %2</source>
      <translation>无法解析 %1：%2</translation>
    </message>
    <message>
      <source>cannot connect to %1:%2: %3</source>
      <translation>无法连接到 %1:%2：%3</translation>
    </message>
    <message>
      <source>libssh2_session_init failed</source>
      <translation>libssh2_session_init 失败</translation>
    </message>
    <message>
      <source>%1 closed the SSH connection</source>
      <translation>%1 关闭了 SSH 连接</translation>
    </message>
    <message>
      <source>SSH handshake with %1 failed: %2</source>
      <translation>与 %1 的 SSH 握手失败：%2</translation>
    </message>
    <message>
      <source>no TCP connection to %1 within %2 ms</source>
      <translation>%2 毫秒内未能建立到 %1 的 TCP 连接</translation>
    </message>
    <message>
      <source>SSH handshake/authentication with %1 did not finish within %2 ms</source>
      <translation>与 %1 的 SSH 握手/认证未在 %2 毫秒内完成</translation>
    </message>
    <message>
      <source>%1 did not open a channel within %2 ms</source>
      <translation>%1 未在 %2 毫秒内打开通道</translation>
    </message>
    <message>
      <source>the SSH connection to %1 is gone (keepalive failed)</source>
      <translation>到 %1 的 SSH 连接已断开（keepalive 失败）</translation>
    </message>
    <message>
      <source>cannot read the %1 %2: %3</source>
      <translation>无法读取 %1 %2：%3</translation>
    </message>
    <message>
      <source>CA bundle</source>
      <translation>CA 证书包</translation>
    </message>
    <message>
      <source>%1 holds no PEM certificate</source>
      <translation>%1 中没有 PEM 证书</translation>
    </message>
    <message>
      <source>%1 holds no usable unencrypted PEM private key</source>
      <translation>%1 中没有可用的未加密 PEM 私钥</translation>
    </message>
    <message>
      <source>connection to %1 refused</source>
      <translation>到 %1 的连接被拒绝</translation>
    </message>
    <message>
      <source>host %1 not found</source>
      <translation>找不到主机 %1</translation>
    </message>
    <message>
      <source>no answer from %1</source>
      <translation>%1 没有应答</translation>
    </message>
    <message>
      <source>TLS handshake with %1 failed: %2</source>
      <translation>与 %1 的 TLS 握手失败：%2</translation>
    </message>
    <message>
      <source>%1 closed the connection during the TLS handshake (is the client certificate accepted?)</source>
      <translation>%1 在 TLS 握手期间关闭了连接（客户端证书是否被接受？）</translation>
    </message>
    <message>
      <source>%1 closed the connection</source>
      <translation>%1 关闭了连接</translation>
    </message>
    <message>
      <source>the server certificate of %1:%2 did not verify: %3</source>
      <translation>%1:%2 的服务器证书未通过验证：%3</translation>
    </message>
    <message>
      <source>%1 ssh-agent key(s)</source>
      <translation>%1 个 ssh-agent 密钥</translation>
    </message>
    <message>
      <source>%1 (unreadable: %2)</source>
      <translation>%1（无法读取：%2）</translation>
    </message>
    <message>
      <source>%1 (unsupported key format)</source>
      <translation>%1（不支持的密钥格式）</translation>
    </message>
    <message>
      <source>an unreadable key</source>
      <translation>一个无法读取的密钥</translation>
    </message>
    <message>
      <source>error rate %1% above %2%</source>
      <translation>错误率 %1% 高于 %2%</translation>
    </message>
    <message>
      <source>p99 %1 ms above %2 ms</source>
      <translation>p99 %1 毫秒高于 %2 毫秒</translation>
    </message>
    <message>
      <source>p99 %1 ms above %2 x the stable version's %3 ms</source>
      <translation>p99 %1 毫秒高于稳定版本 %3 毫秒的 %2 倍</translation>
    </message>
    <message>
      <source>health probes of %1 need an interval of at least 1 s and a timeout of at least 100 ms that is shorter than the interval (%2 ms, %3 ms)</source>
      <translation>%1 的健康探测需要至少 1 秒的间隔，以及至少 100 毫秒且短于间隔的超时（%2 毫秒，%3 毫秒）</translation>
    </message>
  </context>
  <context>
    <name>mcp::certs::Check</name>
    <message>
      <source>a certificate file is PEM: -----BEGIN CERTIFICATE----- blocks, the leaf first</source>
      <translation>证书文件应为 PEM 格式：若干 -----BEGIN CERTIFICATE----- 块，叶证书在前</translation>
    </message>
    <message>
      <source>the passphrase does not open the encrypted key %1</source>
      <translation>该口令无法打开加密的密钥 %1</translation>
    </message>
    <message>
      <source>enter the passphrase the key was encrypted with</source>
      <translation>输入加密该密钥时使用的口令</translation>
    </message>
    <message>
      <source>the key %1 is encrypted and no passphrase was given</source>
      <translation>密钥 %1 已加密，但未提供口令</translation>
    </message>
    <message>
      <source>%1 is not a PEM private key (%2)</source>
      <translation>%1 不是 PEM 私钥（%2）</translation>
    </message>
    <message>
      <source>name the private key file the certificate was issued for</source>
      <translation>指定该证书对应的私钥文件</translation>
    </message>
    <message>
      <source>the key %1 does not belong to the certificate %2 (%3)</source>
      <translation>密钥 %1 与证书 %2（%3）不匹配</translation>
    </message>
    <message>
      <source>use the key the certificate was issued for</source>
      <translation>使用该证书对应的密钥</translation>
    </message>
    <message>
      <source>in %1, certificate %2 (%3) is not issued by the next one (%4)</source>
      <translation>在 %1 中，证书 %2（%3）不是由下一个证书（%4）签发的</translation>
    </message>
    <message>
      <source>order the file leaf first, then each issuer: leaf, intermediate(s), optionally the root</source>
      <translation>按顺序排列文件：先叶证书，再各级签发者：叶证书、中间证书，可选根证书</translation>
    </message>
    <message>
      <source>%1 holds only the leaf certificate; clients that do not have its issuer cannot verify it</source>
      <translation>%1 只包含叶证书；没有其签发者证书的客户端无法验证它</translation>
    </message>
    <message>
      <source>append the intermediate certificate(s) after the leaf</source>
      <translation>在叶证书之后附加中间证书</translation>
    </message>
    <message>
      <source>the CA bundle %1 cannot be read: %2</source>
      <translation>无法读取 CA 证书包 %1：%2</translation>
    </message>
    <message>
      <source>name a PEM file of trusted root certificates</source>
      <translation>指定一个包含受信任根证书的 PEM 文件</translation>
    </message>
    <message>
      <source>%1 (%2) does not verify to %3: %4</source>
      <translation>%1（%2）无法验证到 %3：%4</translation>
    </message>
    <message>
      <source>the system's trust store</source>
      <translation>系统信任库</translation>
    </message>
    <message>
      <source>use a certificate from a CA the clients trust, or name that CA with --ca</source>
      <translation>使用客户端信任的 CA 签发的证书，或用 --ca 指定该 CA</translation>
    </message>
    <message>
      <source>certificate %1 (%2) has expired</source>
      <translation>证书 %1（%2）已过期</translation>
    </message>
    <message>
      <source>renew it before pushing</source>
      <translation>推送前先续期</translation>
    </message>
    <message>
      <source>certificate %1 (%2) expires within %3 days</source>
      <translation>证书 %1（%2）将在 %3 天内过期</translation>
    </message>
    <message>
      <source>renew it soon</source>
      <translation>请尽快续期</translation>
    </message>
    <message>
      <source>certificate %1 (%2) is not valid yet</source>
      <translation>证书 %1（%2）尚未生效</translation>
    </message>
    <message>
      <source>check the issuing machine's clock, or wait</source>
      <translation>检查签发机器的时钟，或稍后再试</translation>
    </message>
    <message>
      <source>certificate %1 (%2) is valid for %3 days, more than %4</source>
      <translation>证书 %1（%2）有效期为 %3 天，超过 %4 天</translation>
    </message>
    <message>
      <source>browsers refuse server certificates valid for more than 398 days: reissue with a shorter lifetime</source>
      <translation>浏览器会拒绝有效期超过 398 天的服务器证书：请以更短的有效期重新签发</translation>
    </message>
    <message>
      <source>certificate %1 (%2) does not cover the host %3</source>
      <translation>证书 %1（%2）不包含主机 %3</translation>
    </message>
    <message>
      <source>issue a certificate whose subjectAltName includes %1</source>
      <translation>签发一个 subjectAltName 包含 %1 的证书</translation>
    </message>
    <message>
      <source>certificate %1 in %2 is signed with SHA-1, which clients reject</source>
      <translation>%2 中的证书 %1 使用 SHA-1 签名，客户端会拒绝</translation>
    </message>
    <message>
      <source>reissue it with SHA-256</source>
      <translation>使用 SHA-256 重新签发</translation>
    </message>
    <message>
      <source>certificate %1 in %2 is signed with MD5, which clients reject</source>
      <translation>%2 中的证书 %1 使用 MD5 签名，客户端会拒绝</translation>
    </message>
    <message>
      <source>certificate %1 in %2 has a weak %3-bit %4 key</source>
      <translation>%2 中的证书 %1 使用了强度不足的 %3 位 %4 密钥</translation>
    </message>
    <message>
      <source>use RSA 2048+ or EC P-256+</source>
      <translation>使用 RSA 2048 位以上或 EC P-256 以上</translation>
    </message>
    <message>
      <source>give its passphrase (the console asks when the spec opens, or when this finding is activated; mcpctl push takes --key-passphrase-file) or decrypt it (openssl pkey -in key -out key.plain) and keep the file private</source>
      <translation>请提供其口令（控制台在打开规格或激活此发现时会询问；mcpctl push 可使用 --key-passphrase-file），或将其解密（openssl pkey -in key -out key.plain）并妥善保管该文件</translation>
    </message>
  </context>
  <context>
    <name>mcp::gateway::Validation</name>
    <message>
      <source>gateway name `%1` is not a valid label value</source>
      <translation>网关名 `%1` 不是有效的标签值</translation>
    </message>
    <message>
      <source>use letters, digits, . _ - (it must equal the mcp.gateway label of the gateway containers)</source>
      <translation>使用字母、数字、. _ -（必须与网关容器的 mcp.gateway 标签一致）</translation>
    </message>
    <message>
      <source>driver `%1` is not supported</source>
      <translation>不支持驱动 `%1`</translation>
    </message>
    <message>
      <source>use `nginx` or `haproxy`</source>
      <translation>使用 `nginx` 或 `haproxy`</translation>
    </message>
    <message>
      <source>listener `%1` is defined twice (first at line %2)</source>
      <translation>监听器 `%1` 被定义了两次（首次在第 %2 行）</translation>
    </message>
    <message>
      <source>give each listener its own name</source>
      <translation>为每个监听器使用不同的名称</translation>
    </message>
    <message>
      <source>port %1 is out of range</source>
      <translation>端口 %1 超出范围</translation>
    </message>
    <message>
      <source>use a port from 1 to 65535</source>
      <translation>使用 1 到 65535 之间的端口</translation>
    </message>
    <message>
      <source>port %1 is already used by listener `%2`</source>
      <translation>端口 %1 已被监听器 `%2` 使用</translation>
    </message>
    <message>
      <source>each listener needs its own port</source>
      <translation>每个监听器需要各自的端口</translation>
    </message>
    <message>
      <source>protocol `%1` is not supported</source>
      <translation>不支持协议 `%1`</translation>
    </message>
    <message>
      <source>use `http` or `https`</source>
      <translation>使用 `http` 或 `https`</translation>
    </message>
    <message>
      <source>https listener `%1` has no certificate</source>
      <translation>https 监听器 `%1` 没有证书</translation>
    </message>
    <message>
      <source>add `certificate: &lt;name&gt;` naming an entry of spec.certificates</source>
      <translation>添加 `certificate: &lt;名称&gt;`，指向 spec.certificates 中的一项</translation>
    </message>
    <message>
      <source>http listener `%1` names a certificate it will not use</source>
      <translation>http 监听器 `%1` 指定了一个不会使用的证书</translation>
    </message>
    <message>
      <source>set `protocol: https` or remove the certificate</source>
      <translation>设置 `protocol: https` 或删除该证书</translation>
    </message>
    <message>
      <source>certificate `%1` is not defined</source>
      <translation>证书 `%1` 未定义</translation>
    </message>
    <message>
      <source>define it under spec.certificates, or fix the name</source>
      <translation>在 spec.certificates 下定义它，或修正名称</translation>
    </message>
    <message>
      <source>certificate `%1` is defined twice (first at line %2)</source>
      <translation>证书 `%1` 被定义了两次（首次在第 %2 行）</translation>
    </message>
    <message>
      <source>give each certificate its own name</source>
      <translation>为每个证书使用不同的名称</translation>
    </message>
    <message>
      <source>route `%1` is defined twice (first at line %2)</source>
      <translation>路由 `%1` 被定义了两次（首次在第 %2 行）</translation>
    </message>
    <message>
      <source>give each route its own name</source>
      <translation>为每条路由使用不同的名称</translation>
    </message>
    <message>
      <source>route `%1` names listener `%2`, which is not defined</source>
      <translation>路由 `%1` 指定的监听器 `%2` 未定义</translation>
    </message>
    <message>
      <source>use one of: %1</source>
      <translation>使用以下之一：%1</translation>
    </message>
    <message>
      <source>`%1` is not a valid path prefix</source>
      <translation>`%1` 不是有效的路径前缀</translation>
    </message>
    <message>
      <source>start with /, no spaces, query (?), fragment (#), // or .. segments</source>
      <translation>以 / 开头，不能包含空格、查询（?）、片段（#）、// 或 .. 段</translation>
    </message>
    <message>
      <source>`%1` is not a valid host name</source>
      <translation>`%1` 不是有效的主机名</translation>
    </message>
    <message>
      <source>write a DNS name such as api.example.com or *.example.com (no scheme, port or path)</source>
      <translation>写一个 DNS 名称，例如 api.example.com 或 *.example.com（不含协议、端口或路径）</translation>
    </message>
    <message>
      <source>route `%1` matches the same listener, hosts and path prefix `%2` as route `%3` (line %4)</source>
      <translation>路由 `%1` 与路由 `%3`（第 %4 行）匹配相同的监听器、主机和路径前缀 `%2`</translation>
    </message>
    <message>
      <source>merge the two routes (list both backends with weights), or change one's hosts or prefix</source>
      <translation>合并这两条路由（带权重列出两个后端），或修改其中一条的主机或前缀</translation>
    </message>
    <message>
      <source>move `%1` above `%2`: more specific routes go first</source>
      <translation>将 `%1` 移到 `%2` 之前：更具体的路由应排在前面</translation>
    </message>
    <message>
      <source>route `%1` has no backends</source>
      <translation>路由 `%1` 没有后端</translation>
    </message>
    <message>
      <source>add at least one `- {service: ..., weight: 100}`</source>
      <translation>至少添加一项 `- {service: ..., weight: 100}`</translation>
    </message>
    <message>
      <source>backend %1%2 appears twice in route `%3`</source>
      <translation>后端 %1%2 在路由 `%3` 中出现了两次</translation>
    </message>
    <message>
      <source>list each service/version once with its whole weight</source>
      <translation>每个服务/版本只列出一次，并写上其全部权重</translation>
    </message>
    <message>
      <source>backend %1 of route `%2` has no weight</source>
      <translation>路由 `%2` 的后端 %1 没有权重</translation>
    </message>
    <message>
      <source>with several backends every one needs a weight; they sum to 100</source>
      <translation>有多个后端时每个都需要权重，且总和为 100</translation>
    </message>
    <message>
      <source>weight %1 is out of range</source>
      <translation>权重 %1 超出范围</translation>
    </message>
    <message>
      <source>weights are whole numbers from 0 to 100</source>
      <translation>权重是 0 到 100 之间的整数</translation>
    </message>
    <message>
      <source>every backend of route `%1` has weight 0: nothing would receive traffic</source>
      <translation>路由 `%1` 的所有后端权重都为 0：没有后端会收到流量</translation>
    </message>
    <message>
      <source>give at least one backend a weight above 0</source>
      <translation>至少为一个后端设置大于 0 的权重</translation>
    </message>
    <message>
      <source>the weights of route `%1` sum to %2, not 100</source>
      <translation>路由 `%1` 的权重之和为 %2，而不是 100</translation>
    </message>
    <message>
      <source>adjust the weights so they add up to 100</source>
      <translation>调整权重，使其总和为 100</translation>
    </message>
    <message>
      <source>%1 must be longer than 0</source>
      <translation>%1 必须大于 0</translation>
    </message>
    <message>
      <source>write a positive duration such as 5s</source>
      <translation>写一个正的时长，例如 5s</translation>
    </message>
    <message>
      <source>maxFails cannot be negative</source>
      <translation>maxFails 不能为负数</translation>
    </message>
    <message>
      <source>use 0 (never mark down) or a small number such as 3</source>
      <translation>使用 0（从不标记为故障）或一个较小的数字，例如 3</translation>
    </message>
    <message>
      <source>%1 retry attempts is out of range</source>
      <translation>重试次数 %1 超出范围</translation>
    </message>
    <message>
      <source>use 0 to 10 attempts</source>
      <translation>使用 0 到 10 次</translation>
    </message>
    <message>
      <source>`%1` is not a retry condition</source>
      <translation>`%1` 不是有效的重试条件</translation>
    </message>
    <message>
      <source>use: %1</source>
      <translation>使用：%1</translation>
    </message>
    <message>
      <source>(no version)</source>
      <translation>（无版本）</translation>
    </message>
    <message>
      <source>route `%1` has no backend with version `%2`</source>
      <translation>路由 `%1` 没有版本为 `%2` 的后端</translation>
    </message>
    <message>
      <source>name one of the route's versions: %1</source>
      <translation>指定该路由的版本之一：%1</translation>
    </message>
    <message>
      <source>the canary and the stable version are both `%1`</source>
      <translation>金丝雀版本和稳定版本都是 `%1`</translation>
    </message>
    <message>
      <source>the canary is the new version, the stable one is where traffic returns to</source>
      <translation>金丝雀是新版本，稳定版本是流量回退的去处</translation>
    </message>
    <message>
      <source>the rollout of route `%1` sets no limit</source>
      <translation>路由 `%1` 的灰度策略没有设置任何阈值</translation>
    </message>
    <message>
      <source>add maxErrorRate (5%), maxP99 (800ms) or maxP99Ratio (2.0)</source>
      <translation>添加 maxErrorRate（5%）、maxP99（800ms）或 maxP99Ratio（2.0）</translation>
    </message>
    <message>
      <source>maxErrorRate %1% is outside 0% to 100%</source>
      <translation>maxErrorRate %1% 超出 0% 到 100% 的范围</translation>
    </message>
    <message>
      <source>write a share such as 5%</source>
      <translation>写一个比例，例如 5%</translation>
    </message>
    <message>
      <source>maxP99 must be longer than 0</source>
      <translation>maxP99 必须大于 0</translation>
    </message>
    <message>
      <source>write a latency such as 800ms</source>
      <translation>写一个延迟值，例如 800ms</translation>
    </message>
    <message>
      <source>maxP99Ratio %1 would trip on a canary as fast as the stable version</source>
      <translation>maxP99Ratio 为 %1 时，与稳定版本一样快的金丝雀也会触发回滚</translation>
    </message>
    <message>
      <source>use a ratio above 1, such as 2.0</source>
      <translation>使用大于 1 的比值，例如 2.0</translation>
    </message>
    <message>
      <source>window %1 is outside 10s to 15m</source>
      <translation>窗口 %1 超出 10s 到 15m 的范围</translation>
    </message>
    <message>
      <source>the figures are kept in 10-second slots for 15 minutes: use 10s to 15m</source>
      <translation>指标以 10 秒为一格保存 15 分钟：请使用 10s 到 15m</translation>
    </message>
    <message>
      <source>minRequests must be at least 1</source>
      <translation>minRequests 至少为 1</translation>
    </message>
    <message>
      <source>use enough requests that chance does not trip it, such as 50</source>
      <translation>使用足够多的请求数，避免偶然因素触发，例如 50</translation>
    </message>
    <message>
      <source>no container on the host carries mcp.gateway=%1</source>
      <translation>该主机上没有带 mcp.gateway=%1 标签的容器</translation>
    </message>
    <message>
      <source>start the gateway with the labels mcp.gateway=%1 and mcp.gateway.driver=%2</source>
      <translation>使用标签 mcp.gateway=%1 和 mcp.gateway.driver=%2 启动网关</translation>
    </message>
    <message>
      <source>publish it (docker run -p HOSTPORT:%1) or use a port the container publishes</source>
      <translation>发布该端口（docker run -p 主机端口:%1），或使用容器已发布的端口</translation>
    </message>
    <message>
      <source>no instance on the host carries mcp.service.name=%1</source>
      <translation>该主机上没有带 mcp.service.name=%1 标签的实例</translation>
    </message>
    <message>
      <source>check the service name against the labels (the topology view lists them)</source>
      <translation>对照标签检查服务名（拓扑视图中列出了它们）</translation>
    </message>
    <message>
      <source>no instance of %1 carries mcp.service.version=%2</source>
      <translation>%1 没有带 mcp.service.version=%2 标签的实例</translation>
    </message>
    <message>
      <source>start that version first, or fix the version name</source>
      <translation>先启动该版本，或修正版本名</translation>
    </message>
    <message>
      <source>backend %1%2 of route `%3` has weight %4 but no running healthy instance</source>
      <translation>路由 `%3` 的后端 %1%2 权重为 %4，但没有运行中的健康实例</translation>
    </message>
    <message>
      <source>fix or start its instances, or set its weight to 0 before pushing</source>
      <translation>修复或启动其实例，或在推送前将其权重设为 0</translation>
    </message>
    <message>
      <source>no instance of %1 shares a Docker network with gateway %2</source>
      <translation>%1 没有与网关 %2 共享 Docker 网络的实例</translation>
    </message>
    <message>
      <source>docker network connect &lt;gateway network&gt; &lt;instance&gt;</source>
      <translation>docker network connect &lt;网关所在网络&gt; &lt;实例&gt;</translation>
    </message>
    <message>
      <source>cannot read certificate %1: %2</source>
      <translation>无法读取证书 %1：%2</translation>
    </message>
    <message>
      <source>check the path (relative to the spec file) and its permissions</source>
      <translation>检查路径（相对于配置文件）及其权限</translation>
    </message>
    <message>
      <source>cannot read key %1: %2</source>
      <translation>无法读取密钥 %1：%2</translation>
    </message>
    <message>
      <source>%1 must be a mapping (key: value)</source>
      <translation>%1 必须是映射（key: value）</translation>
    </message>
    <message>
      <source>write %1 as `key: value` lines or `{key: value, ...}`</source>
      <translation>将 %1 写成 `key: value` 行或 `{key: value, ...}`</translation>
    </message>
    <message>
      <source>unknown field `%1` in %2</source>
      <translation>%2 中有未知字段 `%1`</translation>
    </message>
    <message>
      <source>allowed here: %1</source>
      <translation>此处允许：%1</translation>
    </message>
    <message>
      <source>did you mean `%1`?</source>
      <translation>是否想写 `%1`？</translation>
    </message>
    <message>
      <source>%1 is required</source>
      <translation>%1 为必填项</translation>
    </message>
    <message>
      <source>add `%1:` to %2</source>
      <translation>在 %2 中添加 `%1:`</translation>
    </message>
    <message>
      <source>%1 must be a string</source>
      <translation>%1 必须是字符串</translation>
    </message>
    <message>
      <source>write a single value</source>
      <translation>写一个单独的值</translation>
    </message>
    <message>
      <source>%1 must be an integer, not `%2`</source>
      <translation>%1 必须是整数，而不是 `%2`</translation>
    </message>
    <message>
      <source>write a whole number such as 90</source>
      <translation>写一个整数，例如 90</translation>
    </message>
    <message>
      <source>%1 must be a number, not `%2`</source>
      <translation>%1 必须是数字，而不是 `%2`</translation>
    </message>
    <message>
      <source>write a percentage such as 5%</source>
      <translation>写一个百分比，例如 5%</translation>
    </message>
    <message>
      <source>write a number such as 2.5</source>
      <translation>写一个数字，例如 2.5</translation>
    </message>
    <message>
      <source>%1 is not a duration: `%2`</source>
      <translation>%1 不是时长：`%2`</translation>
    </message>
    <message>
      <source>write a number with a unit: 250ms, 5s, 1m or 1h</source>
      <translation>写一个带单位的数字：250ms、5s、1m 或 1h</translation>
    </message>
    <message>
      <source>%1 must be a list</source>
      <translation>%1 必须是列表</translation>
    </message>
    <message>
      <source>write [a, b] or one `- item` per line</source>
      <translation>写成 [a, b]，或每行一个 `- 项`</translation>
    </message>
    <message>
      <source>%1[%2] must be a string</source>
      <translation>%1[%2] 必须是字符串</translation>
    </message>
    <message>
      <source>add `%1:` with at least one entry</source>
      <translation>添加 `%1:`，至少包含一项</translation>
    </message>
    <message>
      <source>write one `- ...` entry per item</source>
      <translation>每项写一个 `- ...` 条目</translation>
    </message>
    <message>
      <source>apiVersion `%1` is not supported</source>
      <translation>不支持 apiVersion `%1`</translation>
    </message>
    <message>
      <source>use `apiVersion: mcp/v1`</source>
      <translation>使用 `apiVersion: mcp/v1`</translation>
    </message>
    <message>
      <source>kind `%1` is not a GatewayConfig</source>
      <translation>kind `%1` 不是 GatewayConfig</translation>
    </message>
    <message>
      <source>use `kind: GatewayConfig`</source>
      <translation>使用 `kind: GatewayConfig`</translation>
    </message>
    <message>
      <source>metadata is required</source>
      <translation>metadata 为必填项</translation>
    </message>
    <message>
      <source>add `metadata: {name: &lt;gateway&gt;}`</source>
      <translation>添加 `metadata: {name: &lt;网关名&gt;}`</translation>
    </message>
    <message>
      <source>spec is required</source>
      <translation>spec 为必填项</translation>
    </message>
    <message>
      <source>add `spec:` with driver, listeners and routes</source>
      <translation>添加 `spec:`，包含 driver、listeners 和 routes</translation>
    </message>
    <message>
      <source>add `match: {pathPrefix: /...}`</source>
      <translation>添加 `match: {pathPrefix: /...}`</translation>
    </message>
    <message>
      <source>YAML syntax error: %1</source>
      <translation>YAML 语法错误：%1</translation>
    </message>
    <message>
      <source>check indentation, colons and quotes around this position</source>
      <translation>检查此位置附近的缩进、冒号和引号</translation>
    </message>
    <message>
      <source>cannot read %1: %2</source>
      <translation>无法读取 %1：%2</translation>
    </message>
    <message>
      <source>check the path and its permissions</source>
      <translation>检查路径及其权限</translation>
    </message>
  </context>
  <context>
    <name>mcp::topology::Doctor</name>
    <message>
      <source>the event stream of %1 was interrupted; the state was re-listed and reconciled</source>
      <translation>%1 的事件流曾中断；已重新列出并核对状态</translation>
    </message>
    <message>
      <source>nothing to do; frequent gaps point at an unstable connection to the host</source>
      <translation>无需处理；频繁中断说明与该主机的连接不稳定</translation>
    </message>
    <message>
      <source>%1 is running but its Docker HEALTHCHECK fails</source>
      <translation>%1 正在运行，但其 Docker HEALTHCHECK 失败</translation>
    </message>
    <message>
      <source>read the health log (docker inspect %1) and the container's logs; the gateway should not send it traffic</source>
      <translation>查看健康检查日志（docker inspect %1）和容器日志；网关不应向其发送流量</translation>
    </message>
    <message>
      <source>%1 keeps restarting (%2): its process exits and the restart policy starts it again</source>
      <translation>%1 不断重启（%2）：其进程退出后被重启策略再次启动</translation>
    </message>
    <message>
      <source>%1 is %2</source>
      <translation>%1 的状态为 %2</translation>
    </message>
    <message>
      <source>start it again or remove it, and look at its last logs for why it stopped</source>
      <translation>重新启动或移除它，并查看其最后的日志以了解停止原因</translation>
    </message>
    <message>
      <source>the health path %1 of %2 answers 404 (probed from %3)</source>
      <translation>%2 的健康检查路径 %1 返回 404（从 %3 探测）</translation>
    </message>
    <message>
      <source>set the label mcp.health.path to the path the service really serves its health on</source>
      <translation>将标签 mcp.health.path 设置为服务实际提供健康检查的路径</translation>
    </message>
    <message>
      <source>the health path %1 of %2 does not answer in time (%3, probed from %4)</source>
      <translation>%2 的健康检查路径 %1 未能及时响应（%3，从 %4 探测）</translation>
    </message>
    <message>
      <source>check that the service is not overloaded or blocked, and that the health check is cheap</source>
      <translation>检查服务是否过载或阻塞，并确保健康检查开销很小</translation>
    </message>
    <message>
      <source>make the service bind 0.0.0.0 (or ::) instead of 127.0.0.1/localhost</source>
      <translation>让服务绑定 0.0.0.0（或 ::），而不是 127.0.0.1/localhost</translation>
    </message>
    <message>
      <source>the label mcp.service.port of %1 says %2, but nothing listens in the container</source>
      <translation>%1 的标签 mcp.service.port 为 %2，但容器内没有进程在监听</translation>
    </message>
    <message>
      <source>the label mcp.service.port of %1 says %2, but the process listens on %3</source>
      <translation>%1 的标签 mcp.service.port 为 %2，但进程监听的是 %3</translation>
    </message>
    <message>
      <source>check that the service started; read its logs</source>
      <translation>检查服务是否已启动；查看其日志</translation>
    </message>
    <message>
      <source>set mcp.service.port to %1</source>
      <translation>将 mcp.service.port 设置为 %1</translation>
    </message>
    <message>
      <source>attach the service and its gateways to a user-defined network (docker network create)</source>
      <translation>将服务及其网关接入一个用户自定义网络（docker network create）</translation>
    </message>
    <message>
      <source>%1 shares no Docker network with any gateway on %2 (%3): no gateway can reach it</source>
      <translation>%1 与 %2 上的任何网关都不共享 Docker 网络（%3）：没有网关能访问它</translation>
    </message>
    <message>
      <source>docker network connect &lt;gateway network&gt; %1</source>
      <translation>docker network connect &lt;网关所在网络&gt; %1</translation>
    </message>
    <message>
      <source>%1 publishes port %2 on every interface of the host (%3:%4), bypassing the gateway</source>
      <translation>%1 在主机的所有网络接口上发布了端口 %2（%3:%4），绕过了网关</translation>
    </message>
    <message>
      <source>publish on 127.0.0.1 only (-p 127.0.0.1:PORT:PORT) or not at all; let the gateway front it</source>
      <translation>只在 127.0.0.1 上发布（-p 127.0.0.1:端口:端口）或完全不发布；让网关在前面代理</translation>
    </message>
    <message>
      <source>service %1 has no healthy instance: %2</source>
      <translation>服务 %1 没有健康的实例：%2</translation>
    </message>
    <message>
      <source>start or fix an instance; routes to it will answer 502/503 until then</source>
      <translation>启动或修复一个实例；在此之前指向它的路由会返回 502/503</translation>
    </message>
    <message>
      <source>%1 containers share the address %2: %3</source>
      <translation>%1 个容器共用地址 %2：%3</translation>
    </message>
    <message>
      <source>remove fixed --ip settings that collide, or recreate the network</source>
      <translation>移除冲突的固定 --ip 设置，或重新创建该网络</translation>
    </message>
    <message>
      <source>%1 containers on the host network of %2 claim port %3: only one can bind it (%4)</source>
      <translation>%2 主机网络上的 %1 个容器都要使用端口 %3：只有一个能绑定（%4）</translation>
    </message>
    <message>
      <source>give each a different port, or use bridge networking</source>
      <translation>为每个容器分配不同端口，或改用桥接网络</translation>
    </message>
    <message>
      <source>route %1 of gateway %2 has no healthy instance behind it: %3</source>
      <translation>网关 %2 的路由 %1 后面没有健康的实例：%3</translation>
    </message>
    <message>
      <source>start or fix an instance of a backend it weights, or push a spec that sends its traffic to one that is healthy</source>
      <translation>启动或修复它分配了权重的后端的实例，或推送一份把流量发往健康后端的配置</translation>
    </message>
    <message>
      <source>%1 publishes port %2 on %3:%4, not on %5 where its published ports are expected</source>
      <translation>%1 在 %3:%4 上发布了端口 %2，而不是其发布端口应在的 %5</translation>
    </message>
    <message>
      <source>publish it on %1 (-p %1:PORT:PORT), or set the label mcp.publish.ip to the address it is meant to use</source>
      <translation>在 %1 上发布（-p %1:端口:端口），或把标签 mcp.publish.ip 设为它应使用的地址</translation>
    </message>
  </context>
  <context>
    <name>mcp::topology::HealthReason</name>
    <message>
      <source>instances</source>
      <translation>实例</translation>
    </message>
    <message>
      <source>gateway containers</source>
      <translation>网关容器</translation>
    </message>
    <message>
      <source>weighted backends</source>
      <translation>加权后端</translation>
    </message>
    <message>
      <source>running</source>
      <translation>运行中</translation>
    </message>
    <message>
      <source>running, HEALTHCHECK failing</source>
      <translation>运行中，HEALTHCHECK 失败</translation>
    </message>
    <message>
      <source>running, HEALTHCHECK starting</source>
      <translation>运行中，HEALTHCHECK 启动中</translation>
    </message>
    <message>
      <source>running, HEALTHCHECK passing</source>
      <translation>运行中，HEALTHCHECK 通过</translation>
    </message>
    <message>
      <source>restarting</source>
      <translation>正在重启</translation>
    </message>
    <message>
      <source>paused</source>
      <translation>已暂停</translation>
    </message>
    <message>
      <source>connected</source>
      <translation>已连接</translation>
    </message>
    <message>
      <source>%1 of %2 %3 healthy</source>
      <translation>%2 个%3中 %1 个健康</translation>
    </message>
    <message>
      <source>no healthy %1 (%2 down)</source>
      <translation>没有健康的%1（%2 个故障）</translation>
    </message>
    <message>
      <source>no %1</source>
      <translation>没有%1</translation>
    </message>
    <message>
      <source>health probe from %1: %2</source>
      <translation>从 %1 进行的健康探测：%2</translation>
    </message>
    <message>
      <source>console</source>
      <translation>控制台</translation>
    </message>
    <message>
      <source>the Docker host (SSH direct-tcpip)</source>
      <translation>Docker 主机（SSH direct-tcpip）</translation>
    </message>
    <message>
      <source>gateway %1</source>
      <translation>网关 %1</translation>
    </message>
    <message>
      <source>connection refused</source>
      <translation>连接被拒绝</translation>
    </message>
    <message>
      <source>timed out</source>
      <translation>超时</translation>
    </message>
    <message>
      <source>no HTTP answer</source>
      <translation>没有 HTTP 应答</translation>
    </message>
    <message>
      <source>the container has no network address</source>
      <translation>该容器没有网络地址</translation>
    </message>
    <message>
      <source>connection refused: nothing listens in the container</source>
      <translation>连接被拒绝：容器内没有进程在监听</translation>
    </message>
    <message>
      <source>no running gateway shares a network with it, and the host's transport cannot reach container addresses</source>
      <translation>没有运行中的网关与其共享网络，且主机的传输通道无法访问容器地址</translation>
    </message>
    <message>
      <source>timed out after %1 ms</source>
      <translation>%1 毫秒后超时</translation>
    </message>
    <message>
      <source>no answer within %1 ms</source>
      <translation>%1 毫秒内没有应答</translation>
    </message>
    <message>
      <source>answered after %1 ms, over the %2 ms timeout</source>
      <translation>%1 毫秒后才应答，超过了 %2 毫秒的超时</translation>
    </message>
    <message>
      <source>connection refused: the process listens on port %1 on 127.0.0.1 only</source>
      <translation>连接被拒绝：进程只在 127.0.0.1 上监听端口 %1</translation>
    </message>
    <message>
      <source>connection refused: nothing listens on %1; the container listens on %2</source>
      <translation>连接被拒绝：端口 %1 上没有进程监听；容器监听的是 %2</translation>
    </message>
    <message>
      <source>gateway %1 has no wget to probe with</source>
      <translation>网关 %1 中没有可用于探测的 wget</translation>
    </message>
    <message>
      <source>exec in gateway %1 failed: %2</source>
      <translation>在网关 %1 中执行失败：%2</translation>
    </message>
  </context>
  <context>
    <name>mcp::topology::Labels</name>
    <message>
      <source>unknown label %1</source>
      <translation>未知标签 %1</translation>
    </message>
    <message>
      <source>unknown label %1 (did you mean %2?)</source>
      <translation>未知标签 %1（是否想用 %2？）</translation>
    </message>
    <message>
      <source>remove the label or use one of: %1</source>
      <translation>删除该标签，或使用以下之一：%1</translation>
    </message>
    <message>
      <source>rename the label to %1</source>
      <translation>将标签改名为 %1</translation>
    </message>
    <message>
      <source>%1 is set but %2 is missing or empty</source>
      <translation>已设置 %1，但 %2 缺失或为空</translation>
    </message>
    <message>
      <source>add %1=&lt;service name&gt;</source>
      <translation>添加 %1=&lt;服务名&gt;</translation>
    </message>
    <message>
      <source>%1 is missing: the gateway cannot know which port to send traffic to</source>
      <translation>缺少 %1：网关无法知道应将流量发往哪个端口</translation>
    </message>
    <message>
      <source>add %1=&lt;container port the service listens on&gt;</source>
      <translation>添加 %1=&lt;服务在容器内监听的端口&gt;</translation>
    </message>
    <message>
      <source>%1=%2 is not a port number (1-65535)</source>
      <translation>%1=%2 不是端口号（1-65535）</translation>
    </message>
    <message>
      <source>set %1 to the numeric container port, e.g. 8080</source>
      <translation>将 %1 设置为数字形式的容器端口，例如 8080</translation>
    </message>
    <message>
      <source>%1=%2 but the container exposes %3</source>
      <translation>%1=%2，但容器暴露的是 %3</translation>
    </message>
    <message>
      <source>set %1 to the port the service listens on, or EXPOSE it</source>
      <translation>将 %1 设置为服务监听的端口，或用 EXPOSE 暴露它</translation>
    </message>
    <message>
      <source>%1=%2 must start with /</source>
      <translation>%1=%2 必须以 / 开头</translation>
    </message>
    <message>
      <source>use an absolute path such as /health</source>
      <translation>使用绝对路径，例如 /health</translation>
    </message>
    <message>
      <source>%1 is empty</source>
      <translation>%1 为空</translation>
    </message>
    <message>
      <source>set %1=&lt;gateway name&gt;</source>
      <translation>设置 %1=&lt;网关名&gt;</translation>
    </message>
    <message>
      <source>%1 is missing</source>
      <translation>缺少 %1</translation>
    </message>
    <message>
      <source>add %1=nginx or haproxy</source>
      <translation>添加 %1=nginx 或 haproxy</translation>
    </message>
    <message>
      <source>%1=%2 is not a known driver</source>
      <translation>%1=%2 不是已知的驱动</translation>
    </message>
    <message>
      <source>use nginx or haproxy</source>
      <translation>使用 nginx 或 haproxy</translation>
    </message>
    <message>
      <source>%1=%2 is not an IP address</source>
      <translation>%1=%2 不是 IP 地址</translation>
    </message>
    <message>
      <source>give the host address its ports are published on, such as 127.0.0.1</source>
      <translation>填写其端口发布所在的主机地址，例如 127.0.0.1</translation>
    </message>
    <message>
      <source>%1 on %2 instance(s)</source>
      <translation>%1（%2 个实例）</translation>
    </message>
    <message>
      <source>%1 has mcp.service.port=%2, but other instances of %3 have %4</source>
      <translation>%1 的 mcp.service.port=%2，但 %3 的其他实例为 %4</translation>
    </message>
    <message>
      <source>set mcp.service.port=%1 as most instances of %2 have it, if the service listens on %1</source>
      <translation>如果服务监听 %1，请像 %2 的多数实例一样设置 mcp.service.port=%1</translation>
    </message>
    <message>
      <source>no port is on most instances of %1: find the port the service listens on and give every instance of it that mcp.service.port</source>
      <translation>%1 的实例中没有占多数的端口：找出服务实际监听的端口，并把每个实例的 mcp.service.port 设为该端口</translation>
    </message>
    <message>
      <source>instances of %1 disagree on mcp.service.port: %2</source>
      <translation>%1 的实例的 mcp.service.port 不一致：%2</translation>
    </message>
    <message>
      <source>give every instance of a service the same port label</source>
      <translation>为同一服务的每个实例设置相同的端口标签</translation>
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
    <name>mcp::transport::TcpConnector</name>
    <message>
      <source>TCP, unencrypted</source>
      <translation>TCP，未加密</translation>
    </message>
    <message>
      <source>TLS</source>
      <translation>TLS</translation>
    </message>
    <message>
      <source>TLS with client certificate</source>
      <translation>TLS（客户端证书）</translation>
    </message>
  </context>
  <context>
    <name>mcp::transport::UnixConnector</name>
    <message>
      <source>unix socket %1</source>
      <translation>unix 套接字 %1</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::AuditModel</name>
    <message>
      <source>push</source>
      <translation>推送</translation>
    </message>
    <message>
      <source>rollback</source>
      <translation>回滚</translation>
    </message>
    <message>
      <source>conflict</source>
      <translation>冲突</translation>
    </message>
    <message>
      <source>weights</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>%1 → %2</source>
      <translation>%1 → %2</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>ok</source>
      <translation>成功</translation>
    </message>
    <message>
      <source>failed at %1</source>
      <translation>失败于 %1</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>操作者</translation>
    </message>
    <message>
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>主机</translation>
    </message>
    <message>
      <source>Gateway</source>
      <translation>网关</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::BackendsTableModel</name>
    <message>
      <source>%1 (implied)</source>
      <translation>%1（隐含）</translation>
    </message>
    <message>
      <source>This part of the YAML has a layout the table cannot change; edit it in the YAML view.</source>
      <translation>这部分 YAML 的结构无法在表格中修改，请在 YAML 视图中编辑。</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>服务</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::CertificatesModel</name>
    <message>
      <source>(unreadable)</source>
      <translation>（无法读取）</translation>
    </message>
    <message numerus="yes">
      <source>✖ expired %n day(s) ago</source>
      <translation>
        <numerusform>✖ 已过期 %n 天</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>⚠ %n day(s)</source>
      <translation>
        <numerusform>⚠ 剩余 %n 天</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n day(s)</source>
      <translation>
        <numerusform>剩余 %n 天</numerusform>
      </translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>%1 error(s), %2 warning(s): %3</source>
      <translation>%1 个错误，%2 个警告：%3</translation>
    </message>
    <message>
      <source>Names</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>到期时间</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>剩余</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>密钥</translation>
    </message>
    <message>
      <source>Issuer</source>
      <translation>签发者</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::CertificatesPanel</name>
    <message>
      <source>Import PEM…</source>
      <translation>导入 PEM…</translation>
    </message>
    <message>
      <source>Check certificate files (or drop them here); a key file next to a certificate (same name, .key) is checked with it</source>
      <translation>检查证书文件（或拖放到此处）；与证书同名的 .key 密钥文件会一并检查</translation>
    </message>
    <message>
      <source>Read gateways</source>
      <translation>读取网关</translation>
    </message>
    <message>
      <source>What every TLS listener of the connected hosts' gateways serves, next to its spec</source>
      <translation>已连接主机上各网关的每个 TLS 监听器实际提供的证书，并与其配置对照</translation>
    </message>
    <message>
      <source>Import certificates</source>
      <translation>导入证书</translation>
    </message>
    <message>
      <source>PEM (*.pem *.crt *.cer);;All files (*)</source>
      <translation>PEM (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Chain</source>
      <translation>证书链</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <source>Drop PEM files here, or read the gateways.</source>
      <translation>将 PEM 文件拖放到此处，或读取网关。</translation>
    </message>
    <message>
      <source>cannot read %1: %2</source>
      <translation>无法读取 %1：%2</translation>
    </message>
    <message>
      <source>check the path and its permissions</source>
      <translation>检查路径及其权限</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) checked.</source>
      <translation>
        <numerusform>已检查 %n 个文件。</numerusform>
      </translation>
    </message>
    <message>
      <source>is the gateway running and listening on %1?</source>
      <translation>网关是否正在运行并监听 %1？</translation>
    </message>
    <message numerus="yes">
      <source>Gateways read: %n TLS listener name(s).</source>
      <translation>
        <numerusform>已读取网关：%n 个 TLS 监听名称。</numerusform>
      </translation>
    </message>
    <message>
      <source>No connected host to read.</source>
      <translation>没有可读取的已连接主机。</translation>
    </message>
    <message>
      <source>Reading the gateways' TLS listeners…</source>
      <translation>正在读取网关的 TLS 监听器…</translation>
    </message>
    <message>
      <source>CA, valid until %1</source>
      <translation>CA，有效期至 %1</translation>
    </message>
    <message>
      <source>valid until %1</source>
      <translation>有效期至 %1</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>对象</translation>
    </message>
    <message>
      <source>Names</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Issuer</source>
      <translation>签发者</translation>
    </message>
    <message>
      <source>Serial</source>
      <translation>序列号</translation>
    </message>
    <message>
      <source>SHA-256</source>
      <translation>SHA-256</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>密钥</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>签名算法</translation>
    </message>
    <message>
      <source>Valid</source>
      <translation>有效期</translation>
    </message>
    <message>
      <source>✖ The listener serves another certificate than its spec names (see cert.served-mismatch)</source>
      <translation>✖ 该监听器提供的证书与其配置指定的不同（见 cert.served-mismatch）</translation>
    </message>
    <message>
      <source>✔ No problems found.</source>
      <translation>✔ 未发现问题。</translation>
    </message>
    <message>
      <source>Replace on gateway…</source>
      <translation>在网关上替换…</translation>
    </message>
    <message>
      <source>Choose a new certificate and key for the selected gateway listener; the spec editor shows the diff, checks it and pushes</source>
      <translation>为选中的网关监听器选择新的证书和密钥；配置编辑器会显示差异、进行检查并推送</translation>
    </message>
    <message>
      <source>New certificate (leaf first, then intermediates)</source>
      <translation>新证书（先叶证书，再中间证书）</translation>
    </message>
    <message>
      <source>Its private key</source>
      <translation>对应的私钥</translation>
    </message>
    <message>
      <source>Keys (*.key *.pem);;All files (*)</source>
      <translation>密钥 (*.key *.pem);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Select a gateway listener's row first.</source>
      <translation>请先选择一个网关监听器所在的行。</translation>
    </message>
    <message>
      <source>%1 on %2 runs no pushed spec the console has read.</source>
      <translation>%2 上的 %1 没有控制台已读取的已推送配置。</translation>
    </message>
    <message>
      <source>CA bundle…</source>
      <translation>CA 证书包…</translation>
    </message>
    <message>
      <source>No CA bundle</source>
      <translation>不使用 CA 证书包</translation>
    </message>
    <message>
      <source>Stop verifying imported certificates to a CA bundle</source>
      <translation>不再根据 CA 证书包验证导入的证书</translation>
    </message>
    <message>
      <source>CA bundle for the trust check</source>
      <translation>用于信任检查的 CA 证书包</translation>
    </message>
    <message>
      <source>Trust: not checked (no CA bundle)</source>
      <translation>信任：未检查（没有 CA 证书包）</translation>
    </message>
    <message>
      <source>Trust: verified to %1</source>
      <translation>信任：根据 %1 验证</translation>
    </message>
    <message>
      <source>No passphrase given for %1: nothing was changed.</source>
      <translation>未提供 %1 的口令：未做任何更改。</translation>
    </message>
    <message>
      <source>The trusted root certificates (PEM) that imported files and the gateways' certificates must verify to; only its path is saved</source>
      <translation>导入的文件和网关的证书必须能验证到的受信任根证书（PEM）；只保存其路径</translation>
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
    <message>
      <source>Health probes (from the gateways' side)</source>
      <translation>健康探测（从网关一侧）</translation>
    </message>
    <message>
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <source>Probe every:</source>
      <translation>探测间隔：</translation>
    </message>
    <message>
      <source> ms</source>
      <translation> 毫秒</translation>
    </message>
    <message>
      <source>Give up after:</source>
      <translation>超时放弃：</translation>
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
    <name>mcp::ui::Findings</name>
    <message>
      <source>error</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>info</source>
      <translation>提示</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::FindingsModel</name>
    <message>
      <source>%1
Fix: %2</source>
      <translation>%1
修复方法：%2</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>信息</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::GrayReleasePanel</name>
    <message>
      <source>A route of a running gateway with two or more backends</source>
      <translation>运行中网关上拥有两个或以上后端的路由</translation>
    </message>
    <message>
      <source>Canary to:</source>
      <translation>金丝雀设为：</translation>
    </message>
    <message>
      <source>Send %1% of the route's traffic to the canary</source>
      <translation>将该路由 %1% 的流量发送到金丝雀版本</translation>
    </message>
    <message>
      <source>Promote canary (100%)</source>
      <translation>全量发布金丝雀（100%）</translation>
    </message>
    <message>
      <source>Abort (canary to 0)</source>
      <translation>中止（金丝雀降为 0）</translation>
    </message>
    <message>
      <source>Applying %1…</source>
      <translation>正在应用 %1…</translation>
    </message>
    <message>
      <source>Automatic rollback on %1: %2/%3 sent canary %4 back to 0% (%5; %6 requests in the window). The audit log has the figures.</source>
      <translation>%1 上已自动回滚：%2/%3 已将金丝雀版本 %4 降回 0%（%5；窗口内 %6 个请求）。审计日志中记录了相关数据。</translation>
    </message>
    <message>
      <source>No route with two or more versions runs on a connected gateway</source>
      <translation>已连接的网关上没有包含两个或以上版本的路由</translation>
    </message>
    <message>
      <source>Promote %1 (100%)</source>
      <translation>全量发布 %1（100%）</translation>
    </message>
    <message>
      <source>Abort: %1 to 0</source>
      <translation>中止：%1 降为 0</translation>
    </message>
    <message>
      <source>canary</source>
      <translation>金丝雀</translation>
    </message>
    <message>
      <source>stable</source>
      <translation>稳定</translation>
    </message>
    <message>
      <source>Drag, or use the arrow keys (1%) and Page Up/Down (10%); the others share the rest</source>
      <translation>拖动，或使用方向键（1%）和 Page Up/Down（10%）；其余版本按比例分配剩余流量</translation>
    </message>
    <message>
      <source>desired %1%</source>
      <translation>期望 %1%</translation>
    </message>
    <message>
      <source>applied %1%</source>
      <translation>已应用 %1%</translation>
    </message>
    <message>
      <source>The gateway runs %1.</source>
      <translation>网关当前运行 %1。</translation>
    </message>
    <message>
      <source>Waiting to apply %1 (at most one change a second)…</source>
      <translation>等待应用 %1（每秒最多一次变更）…</translation>
    </message>
    <message>
      <source>No rollout policy on this route: nothing is judged automatically.</source>
      <translation>此路由没有发布策略：不会自动判定。</translation>
    </message>
    <message>
      <source>Rollout guard: canary %1 gets no traffic.</source>
      <translation>发布守护：金丝雀版本 %1 没有流量。</translation>
    </message>
    <message>
      <source>Rollout guard: waiting for enough canary requests (%1 so far).</source>
      <translation>发布守护：等待足够的金丝雀请求（目前 %1 个）。</translation>
    </message>
    <message>
      <source>Rollout guard: canary %1 breached the policy: %2</source>
      <translation>发布守护：金丝雀版本 %1 违反策略：%2</translation>
    </message>
    <message>
      <source>Rollout guard: canary %1 within the policy (%2 requests, %3% 5xx, p99 %4 ms; stable p99 %5 ms).</source>
      <translation>发布守护：金丝雀版本 %1 符合策略（%2 个请求，%3% 5xx，p99 %4 毫秒；稳定版 p99 %5 毫秒）。</translation>
    </message>
    <message>
      <source>%1 is not connected: nothing was changed.</source>
      <translation>%1 未连接：未做任何更改。</translation>
    </message>
    <message>
      <source>Applied through the HAProxy runtime API (no reload).</source>
      <translation>已通过 HAProxy 运行时 API 应用（无需重载）。</translation>
    </message>
    <message>
      <source>Applied with a graceful reload.</source>
      <translation>已通过平滑重载应用。</translation>
    </message>
    <message>
      <source>The gateway already ran this split.</source>
      <translation>网关已在运行此流量分配。</translation>
    </message>
    <message>
      <source>Not applied: %1. The gateway keeps %2.</source>
      <translation>未应用：%1。网关保持 %2。</translation>
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
    <name>mcp::ui::HistoryDialog</name>
    <message>
      <source>Push history</source>
      <translation>推送历史</translation>
    </message>
    <message>
      <source>&amp;Roll back this gateway…</source>
      <translation>回滚此网关(&amp;R)…</translation>
    </message>
    <message>
      <source>Puts back the config the gateway ran before its last push (shown as a diff first).</source>
      <translation>恢复网关在最近一次推送之前运行的配置（先显示差异）。</translation>
    </message>
    <message>
      <source>Re&amp;fresh</source>
      <translation>刷新(&amp;F)</translation>
    </message>
    <message>
      <source>Nothing has been pushed from this machine yet.</source>
      <translation>本机尚未推送过任何配置。</translation>
    </message>
    <message>
      <source>%1 is not one of this console's hosts; add it to roll back from here.</source>
      <translation>%1 不是本控制台的主机；添加该主机后才能从这里回滚。</translation>
    </message>
    <message>
      <source>Reading what %1 ran before its last push…</source>
      <translation>正在读取 %1 在最近一次推送之前运行的配置…</translation>
    </message>
    <message>
      <source>Cannot roll back: %1</source>
      <translation>无法回滚：%1</translation>
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
    <name>mcp::ui::LegendWidget</name>
    <message>
      <source>width: requests/s</source>
      <translation>线宽：请求/秒</translation>
    </message>
    <message>
      <source>busiest</source>
      <translation>最繁忙</translation>
    </message>
    <message>
      <source>1–5% errors</source>
      <translation>1–5% 错误</translation>
    </message>
    <message>
      <source>≥ 5% errors</source>
      <translation>≥ 5% 错误</translation>
    </message>
    <message>
      <source>&lt; 1% 5xx</source>
      <translation>&lt; 1% 5xx</translation>
    </message>
    <message>
      <source>1–5%</source>
      <translation>1–5%</translation>
    </message>
    <message>
      <source>≥ 5%</source>
      <translation>≥ 5%</translation>
    </message>
    <message>
      <source>no traffic</source>
      <translation>无流量</translation>
    </message>
    <message>
      <source>p99 &lt; 100 ms</source>
      <translation>p99 &lt; 100 毫秒</translation>
    </message>
    <message>
      <source>&lt; 500 ms</source>
      <translation>&lt; 500 毫秒</translation>
    </message>
    <message>
      <source>≥ 500 ms</source>
      <translation>≥ 500 毫秒</translation>
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
    <message>
      <source>&amp;Gateway</source>
      <translation>网关(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;New spec</source>
      <translation>新建配置(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Open spec…</source>
      <translation>打开配置(&amp;O)…</translation>
    </message>
    <message>
      <source>Open gateway spec</source>
      <translation>打开网关配置</translation>
    </message>
    <message>
      <source>YAML (*.yaml *.yml);;All files (*)</source>
      <translation>YAML (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Push &amp;history…</source>
      <translation>推送历史(&amp;H)…</translation>
    </message>
    <message>
      <source>Edit the spec it runs…</source>
      <translation>编辑其正在运行的配置…</translation>
    </message>
    <message>
      <source>No console has pushed a spec to %1 yet</source>
      <translation>尚无控制台向 %1 推送过配置</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>健康状态</translation>
    </message>
    <message>
      <source>Traffic (requests/s)</source>
      <translation>流量（请求/秒）</translation>
    </message>
    <message>
      <source>Errors (5xx rate)</source>
      <translation>错误（5xx 比例）</translation>
    </message>
    <message>
      <source>Latency (p99)</source>
      <translation>延迟（p99）</translation>
    </message>
    <message>
      <source>Gray release</source>
      <translation>灰度发布</translation>
    </message>
    <message>
      <source>&amp;Gray release</source>
      <translation>灰度发布(&amp;G)</translation>
    </message>
    <message>
      <source>Gray release…</source>
      <translation>灰度发布…</translation>
    </message>
    <message>
      <source>What the graph shows: health, or recent traffic from the gateways' access logs</source>
      <translation>图中显示的内容：健康状态，或来自网关访问日志的近期流量</translation>
    </message>
    <message>
      <source>The window the overlay's figures cover</source>
      <translation>叠加层数据覆盖的时间窗口</translation>
    </message>
    <message>
      <source>last 1 min</source>
      <translation>最近 1 分钟</translation>
    </message>
    <message>
      <source>last 5 min</source>
      <translation>最近 5 分钟</translation>
    </message>
    <message>
      <source>last 15 min</source>
      <translation>最近 15 分钟</translation>
    </message>
    <message>
      <source>Traffic charts…</source>
      <translation>流量图表…</translation>
    </message>
    <message>
      <source>Certificates</source>
      <translation>证书</translation>
    </message>
    <message>
      <source>&amp;Certificates</source>
      <translation>证书(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Export incident snapshot…</source>
      <translation>导出事故快照(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Open snapshot…</source>
      <translation>打开快照(&amp;O)…</translation>
    </message>
    <message>
      <source>Open incident snapshot</source>
      <translation>打开事故快照</translation>
    </message>
    <message>
      <source>Incident snapshots (*.mcpsnap);;All files (*)</source>
      <translation>事故快照 (*.mcpsnap);;所有文件 (*)</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>Open &amp;recent spec</source>
      <translation>最近打开的配置(&amp;R)</translation>
    </message>
    <message>
      <source>The language changes when the console starts again.</source>
      <translation>语言将在控制台下次启动时生效。</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Opening %1…</source>
      <translation>正在打开 %1…</translation>
    </message>
    <message>
      <source>Cannot open %1: %2</source>
      <translation>无法打开 %1：%2</translation>
    </message>
    <message>
      <source>Cannot open %1:
%2</source>
      <translation>无法打开 %1：
%2</translation>
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
    <message>
      <source>Private key passphrase</source>
      <translation>私钥口令</translation>
    </message>
    <message>
      <source>The private key &lt;b&gt;%1&lt;/b&gt; is encrypted. Enter its passphrase to check it with its certificate.&lt;br&gt;&lt;small&gt;The key is decrypted in memory only; the passphrase and the decrypted key are never saved or logged.&lt;/small&gt;</source>
      <translation>私钥 &lt;b&gt;%1&lt;/b&gt; 已加密。请输入其口令，以便与其证书一起检查。&lt;br&gt;&lt;small&gt;私钥仅在内存中解密；口令和解密后的私钥都不会被保存或记录到日志。&lt;/small&gt;</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::PushDialog</name>
    <message>
      <source>Push %1 to %2</source>
      <translation>推送 %1 到 %2</translation>
    </message>
    <message>
      <source>Roll back %1 on %2</source>
      <translation>回滚 %2 上的 %1</translation>
    </message>
    <message>
      <source>&amp;Push</source>
      <translation>推送(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Roll back</source>
      <translation>回滚(&amp;R)</translation>
    </message>
    <message>
      <source>What changes in the gateway's config:</source>
      <translation>网关配置中将发生的变化：</translation>
    </message>
    <message>
      <source>Steps:</source>
      <translation>步骤：</translation>
    </message>
    <message>
      <source>Find the gateway's containers</source>
      <translation>查找网关容器</translation>
    </message>
    <message>
      <source>Read what it runs</source>
      <translation>读取正在运行的配置</translation>
    </message>
    <message>
      <source>Check nobody else pushed</source>
      <translation>确认没有其他人推送</translation>
    </message>
    <message>
      <source>Keep the current files</source>
      <translation>保留当前文件</translation>
    </message>
    <message>
      <source>Write the new files</source>
      <translation>写入新文件</translation>
    </message>
    <message>
      <source>Gateway's own config check</source>
      <translation>网关自身的配置检查</translation>
    </message>
    <message>
      <source>Graceful reload</source>
      <translation>平滑重载</translation>
    </message>
    <message>
      <source>Verify it serves the new version</source>
      <translation>验证其已提供新版本</translation>
    </message>
    <message>
      <source>Restore the previous config</source>
      <translation>恢复之前的配置</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>Comparing with what %1 runs…</source>
      <translation>正在与 %1 正在运行的配置比较…</translation>
    </message>
    <message>
      <source>The host is gone; nothing was pushed.</source>
      <translation>主机已不存在；未推送任何内容。</translation>
    </message>
    <message>
      <source>&lt;b&gt;Cannot push:&lt;/b&gt; %1</source>
      <translation>&lt;b&gt;无法推送：&lt;/b&gt;%1</translation>
    </message>
    <message>
      <source>(no change in the rendered config)</source>
      <translation>（生成的配置没有变化）</translation>
    </message>
    <message>
      <source>a config no console pushed</source>
      <translation>一个并非由控制台推送的配置</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt; (%3 replica(s): %4)&lt;br&gt;runs %5; after this it runs &lt;tt&gt;%6&lt;/tt&gt;.</source>
      <translation>&lt;b&gt;%2&lt;/b&gt; 上的 &lt;b&gt;%1&lt;/b&gt;（%3 个副本：%4）&lt;br&gt;当前运行 %5；推送后运行 &lt;tt&gt;%6&lt;/tt&gt;。</translation>
    </message>
    <message>
      <source>The gateway already runs this version; pushing again re-applies it.</source>
      <translation>网关已在运行此版本；再次推送将重新应用。</translation>
    </message>
    <message>
      <source>Pushing…</source>
      <translation>正在推送…</translation>
    </message>
    <message>
      <source>%1 · %2</source>
      <translation>%1 · %2</translation>
    </message>
    <message>
      <source>&lt;b&gt;Done:&lt;/b&gt; %1 now runs &lt;tt&gt;%2&lt;/tt&gt; on %3.</source>
      <translation>&lt;b&gt;完成：&lt;/b&gt;%1 现在在 %3 上运行 &lt;tt&gt;%2&lt;/tt&gt;。</translation>
    </message>
    <message>
      <source>&lt;b&gt;Someone else pushed to %1&lt;/b&gt; since this diff was made. Nothing was changed; the diff below is now against what runs. Review it and push again.</source>
      <translation>&lt;b&gt;在生成此差异之后，有其他人向 %1 推送了配置。&lt;/b&gt;未做任何更改；下方差异已改为与当前运行的配置比较。请检查后再次推送。</translation>
    </message>
    <message>
      <source>&lt;b&gt;Failed at “%1”:&lt;/b&gt; %2&lt;br&gt;%3</source>
      <translation>&lt;b&gt;在“%1”步骤失败：&lt;/b&gt;%2&lt;br&gt;%3</translation>
    </message>
    <message>
      <source>The previous config was restored and is serving.</source>
      <translation>之前的配置已恢复并正在提供服务。</translation>
    </message>
    <message>
      <source>The gateway kept its previous config.</source>
      <translation>网关保留了之前的配置。</translation>
    </message>
    <message>
      <source>Apply the certificates at run time (no reload)</source>
      <translation>在运行时应用证书（不重载）</translation>
    </message>
    <message>
      <source>Only certificates changed: HAProxy took them through its runtime API, without a reload.</source>
      <translation>只有证书发生了变化：HAProxy 通过其运行时 API 接收了证书，未进行重载。</translation>
    </message>
    <message>
      <source>Only certificates change: HAProxy will take them through its runtime API, without a reload.</source>
      <translation>只有证书发生变化：HAProxy 将通过其运行时 API 接收证书，不进行重载。</translation>
    </message>
    <message>
      <source>Verify it serves the new certificate</source>
      <translation>验证其已提供新证书</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::RouteForm</name>
    <message>
      <source>Route</source>
      <translation>路由</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>名称(&amp;N)：</translation>
    </message>
    <message>
      <source>e.g. users</source>
      <translation>例如 users</translation>
    </message>
    <message>
      <source>&amp;Hosts:</source>
      <translation>主机名(&amp;H)：</translation>
    </message>
    <message>
      <source>any host; e.g. api.example.com, *.example.com</source>
      <translation>任意主机；例如 api.example.com, *.example.com</translation>
    </message>
    <message>
      <source>&amp;Path prefix:</source>
      <translation>路径前缀(&amp;P)：</translation>
    </message>
    <message>
      <source>e.g. /users</source>
      <translation>例如 /users</translation>
    </message>
    <message>
      <source>&amp;Listeners:</source>
      <translation>监听器(&amp;L)：</translation>
    </message>
    <message>
      <source>all listeners; e.g. http, https</source>
      <translation>所有监听器；例如 http, https</translation>
    </message>
    <message>
      <source>Backends</source>
      <translation>后端</translation>
    </message>
    <message>
      <source>Add canary backend</source>
      <translation>添加金丝雀后端</translation>
    </message>
    <message>
      <source>Remove backend</source>
      <translation>移除后端</translation>
    </message>
    <message>
      <source>The backends of this route are not a block list; add the backend in the YAML view.</source>
      <translation>此路由的后端不是块列表；请在 YAML 视图中添加后端。</translation>
    </message>
    <message>
      <source>The backends of this route are not a block list; remove the backend in the YAML view.</source>
      <translation>此路由的后端不是块列表；请在 YAML 视图中移除后端。</translation>
    </message>
    <message>
      <source>Timeouts, retries and passive health</source>
      <translation>超时、重试与被动健康检查</translation>
    </message>
    <message>
      <source>connect</source>
      <translation>连接</translation>
    </message>
    <message>
      <source>5s</source>
      <translation>5s</translation>
    </message>
    <message>
      <source>read</source>
      <translation>读取</translation>
    </message>
    <message>
      <source>60s</source>
      <translation>60s</translation>
    </message>
    <message>
      <source>send</source>
      <translation>发送</translation>
    </message>
    <message>
      <source>Timeouts:</source>
      <translation>超时：</translation>
    </message>
    <message>
      <source>attempts</source>
      <translation>次数</translation>
    </message>
    <message>
      <source>on</source>
      <translation>条件</translation>
    </message>
    <message>
      <source>error, timeout, http_502, http_503</source>
      <translation>error, timeout, http_502, http_503</translation>
    </message>
    <message>
      <source>Retries:</source>
      <translation>重试：</translation>
    </message>
    <message>
      <source>max fails</source>
      <translation>最大失败次数</translation>
    </message>
    <message>
      <source>within</source>
      <translation>时间窗口</translation>
    </message>
    <message>
      <source>30s</source>
      <translation>30s</translation>
    </message>
    <message>
      <source>Passive health:</source>
      <translation>被动健康检查：</translation>
    </message>
    <message>
      <source>This part of the YAML has a layout the form cannot change; edit it in the YAML view.</source>
      <translation>这部分 YAML 的结构无法在表单中修改，请在 YAML 视图中编辑。</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::RoutesTableModel</name>
    <message>
      <source>(any)</source>
      <translation>（任意）</translation>
    </message>
    <message numerus="yes">
      <source>%n error(s)</source>
      <translation>
        <numerusform>%n 个错误</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n warning(s)</source>
      <translation>
        <numerusform>%n 个警告</numerusform>
      </translation>
    </message>
    <message>
      <source>This part of the YAML has a layout the table cannot change; edit it in the YAML view.</source>
      <translation>这部分 YAML 的结构无法在表格中修改，请在 YAML 视图中编辑。</translation>
    </message>
    <message>
      <source>Route</source>
      <translation>路由</translation>
    </message>
    <message>
      <source>Hosts</source>
      <translation>主机</translation>
    </message>
    <message>
      <source>Path prefix</source>
      <translation>路径前缀</translation>
    </message>
    <message>
      <source>Backends and weights</source>
      <translation>后端与权重</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>问题</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::SnapshotCompareDialog</name>
    <message>
      <source>Compare snapshots</source>
      <translation>比较快照</translation>
    </message>
    <message>
      <source>&lt;b&gt;Before&lt;/b&gt; %1 (%2)&lt;br&gt;&lt;b&gt;After&lt;/b&gt; %3 (%4)</source>
      <translation>&lt;b&gt;之前&lt;/b&gt; %1（%2）&lt;br&gt;&lt;b&gt;之后&lt;/b&gt; %3（%4）</translation>
    </message>
    <message>
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>之前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>之后</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1（%2）</translation>
    </message>
    <message>
      <source>Hosts</source>
      <translation>主机</translation>
    </message>
    <message>
      <source>Nodes</source>
      <translation>节点</translation>
    </message>
    <message>
      <source>%1 %2 appeared</source>
      <translation>%1 %2 出现</translation>
    </message>
    <message>
      <source>%1 %2 is gone</source>
      <translation>%1 %2 已消失</translation>
    </message>
    <message>
      <source>%1 %2 changed health</source>
      <translation>%1 %2 健康状态变化</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>发现的问题</translation>
    </message>
    <message>
      <source>resolved</source>
      <translation>已解决</translation>
    </message>
    <message>
      <source>Gateway configs</source>
      <translation>网关配置</translation>
    </message>
    <message>
      <source>Traffic, last 5 minutes</source>
      <translation>流量（最近 5 分钟）</translation>
    </message>
    <message>
      <source>%1 · %2 · %3 %4</source>
      <translation>%1 · %2 · %3 %4</translation>
    </message>
    <message>
      <source>No change in hosts, topology, findings or gateway configs.</source>
      <translation>主机、拓扑、问题和网关配置均无变化。</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::SnapshotExportDialog</name>
    <message>
      <source>Export incident snapshot</source>
      <translation>导出事故快照</translation>
    </message>
    <message>
      <source>One file with the topology and health, the traffic of the window, events, findings, gateway specs and the configs they run, audit entries, recent logs, the graph and charts, and a report that opens in any browser. Secrets are redacted before anything is written.</source>
      <translation>一个文件包含：拓扑与健康状态、时间窗口内的流量、事件、发现的问题、网关配置及其运行的渲染配置、审计记录、最近的日志、拓扑图和图表，以及可在任意浏览器中打开的报告。写入前会先脱敏所有机密信息。</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Incident snapshots (*.mcpsnap)</source>
      <translation>事故快照 (*.mcpsnap)</translation>
    </message>
    <message>
      <source>File:</source>
      <translation>文件：</translation>
    </message>
    <message>
      <source>Last 15 minutes</source>
      <translation>最近 15 分钟</translation>
    </message>
    <message>
      <source>Last 5 minutes</source>
      <translation>最近 5 分钟</translation>
    </message>
    <message>
      <source>Last minute</source>
      <translation>最近 1 分钟</translation>
    </message>
    <message>
      <source>Window:</source>
      <translation>时间窗口：</translation>
    </message>
    <message>
      <source>All gateways</source>
      <translation>所有网关</translation>
    </message>
    <message>
      <source>Gateways:</source>
      <translation>网关：</translation>
    </message>
    <message>
      <source>Ready.</source>
      <translation>就绪。</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Choose a file in an existing folder.</source>
      <translation>请选择一个已存在文件夹中的文件。</translation>
    </message>
    <message>
      <source>Collecting: %1</source>
      <translation>正在收集：%1</translation>
    </message>
    <message>
      <source>Collecting…</source>
      <translation>正在收集…</translation>
    </message>
    <message>
      <source>Writing %1…</source>
      <translation>正在写入 %1…</translation>
    </message>
    <message>
      <source>Wrote %1 (%2) in %3 s: %4 nodes, %5 events, %6 gateways, %7 log files; %8 kinds of secrets redacted.</source>
      <translation>已写入 %1（%2），用时 %3 秒：%4 个节点，%5 个事件，%6 个网关，%7 个日志文件；已脱敏 %8 类机密信息。</translation>
    </message>
    <message>
      <source>Export failed: %1</source>
      <translation>导出失败：%1</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::SnapshotWindow</name>
    <message>
      <source>Snapshot %1 (read-only)</source>
      <translation>快照 %1（只读）</translation>
    </message>
    <message>
      <source>Replay</source>
      <translation>回放</translation>
    </message>
    <message>
      <source>Time:</source>
      <translation>时间：</translation>
    </message>
    <message>
      <source>The moment to show: graph, overlays and charts as they were (←/→ 10 s, PgUp/PgDn 1 min)</source>
      <translation>要显示的时刻：拓扑图、叠加层和图表均按当时的状态显示（←/→ 10 秒，PgUp/PgDn 1 分钟）</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>健康状态</translation>
    </message>
    <message>
      <source>Traffic</source>
      <translation>流量</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Latency</source>
      <translation>延迟</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>适应窗口</translation>
    </message>
    <message>
      <source>Compare with…</source>
      <translation>与…比较</translation>
    </message>
    <message>
      <source>Compare with snapshot</source>
      <translation>与快照比较</translation>
    </message>
    <message>
      <source>Incident snapshots (*.mcpsnap)</source>
      <translation>事故快照 (*.mcpsnap)</translation>
    </message>
    <message>
      <source>Snapshot</source>
      <translation>快照</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>发现的问题</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>%1 · route %2</source>
      <translation>%1 · 路由 %2</translation>
    </message>
    <message>
      <source>No traffic in this snapshot</source>
      <translation>此快照中没有流量</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>对象</translation>
    </message>
    <message>
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>%1 spec line %2</source>
      <translation>%1 配置第 %2 行</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>主机</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>Container</source>
      <translation>容器</translation>
    </message>
    <message>
      <source>Compare snapshots</source>
      <translation>比较快照</translation>
    </message>
    <message>
      <source>Cannot open %1: %2</source>
      <translation>无法打开 %1：%2</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::SpecDocument</name>
    <message>
      <source>untitled.yaml</source>
      <translation>未命名.yaml</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::SpecEditorWindow</name>
    <message>
      <source>Add route</source>
      <translation>添加路由</translation>
    </message>
    <message>
      <source>Remove route</source>
      <translation>移除路由</translation>
    </message>
    <message>
      <source>Validation</source>
      <translation>校验</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Gateway</source>
      <translation>网关(&amp;G)</translation>
    </message>
    <message>
      <source>Spec</source>
      <translation>配置</translation>
    </message>
    <message>
      <source>&amp;New</source>
      <translation>新建(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <source>Open gateway spec</source>
      <translation>打开网关配置</translation>
    </message>
    <message>
      <source>YAML (*.yaml *.yml);;All files (*)</source>
      <translation>YAML (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Save &amp;as…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>关闭(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source> Check against: </source>
      <translation> 校验目标：</translation>
    </message>
    <message>
      <source>&amp;Push…</source>
      <translation>推送(&amp;P)…</translation>
    </message>
    <message>
      <source>Push &amp;history…</source>
      <translation>推送历史(&amp;H)…</translation>
    </message>
    <message>
      <source>The routes are not a block list; add the route in the YAML view.</source>
      <translation>路由不是块列表；请在 YAML 视图中添加路由。</translation>
    </message>
    <message>
      <source>Offline (no host)</source>
      <translation>离线（无主机）</translation>
    </message>
    <message>
      <source>Cannot open %1: %2</source>
      <translation>无法打开 %1：%2</translation>
    </message>
    <message>
      <source>The spec %1 runs on %2; save it to keep a copy.</source>
      <translation>%1 在 %2 上运行的配置；保存即可留存副本。</translation>
    </message>
    <message>
      <source>Save gateway spec</source>
      <translation>保存网关配置</translation>
    </message>
    <message>
      <source>Cannot save %1: %2</source>
      <translation>无法保存 %1：%2</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
    <message>
      <source>YAML (*.yaml *.yml)</source>
      <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>未保存的更改</translation>
    </message>
    <message>
      <source>Save the changes to %1?</source>
      <translation>保存对 %1 的更改吗？</translation>
    </message>
    <message>
      <source>%1[*] — Gateway spec</source>
      <translation>%1[*] — 网关配置</translation>
    </message>
    <message>
      <source>Review the diff and push to %1</source>
      <translation>检查差异并推送到 %1</translation>
    </message>
    <message>
      <source>Fix the errors first: nothing reaches a gateway unvalidated</source>
      <translation>请先修复错误：未经校验的配置不会到达网关</translation>
    </message>
    <message>
      <source>Choose the host to push to under “Check against”</source>
      <translation>请在“校验目标”中选择要推送的主机</translation>
    </message>
    <message>
      <source>gateway %1 on %2</source>
      <translation>%2 上的网关 %1</translation>
    </message>
    <message>
      <source>offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <source>The passphrase does not open %1; activate its finding to try again.</source>
      <translation>该口令无法打开 %1；激活其发现可再试一次。</translation>
    </message>
    <message>
      <source>Opened %1 in memory: the push writes it decrypted into the gateway.</source>
      <translation>已在内存中打开 %1：推送时会将其解密后写入网关。</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::TrafficChart</name>
    <message>
      <source>Show:</source>
      <translation>显示：</translation>
    </message>
    <message>
      <source>Requests/s</source>
      <translation>请求/秒</translation>
    </message>
    <message>
      <source>5xx rate (%)</source>
      <translation>5xx 比例（%）</translation>
    </message>
    <message>
      <source>p50 latency (ms)</source>
      <translation>p50 延迟（毫秒）</translation>
    </message>
    <message>
      <source>p99 latency (ms)</source>
      <translation>p99 延迟（毫秒）</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::TrafficStyle</name>
    <message>
      <source>%1/s</source>
      <translation>%1/秒</translation>
    </message>
    <message>
      <source>%1% err</source>
      <translation>%1% 错误</translation>
    </message>
    <message>
      <source>p99 %1 ms</source>
      <translation>p99 %1 毫秒</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::TrafficWindow</name>
    <message>
      <source>Traffic: service %1</source>
      <translation>流量：服务 %1</translation>
    </message>
    <message>
      <source>Traffic: %1 version %2</source>
      <translation>流量：%1 版本 %2</translation>
    </message>
    <message>
      <source>%1 (all instances)</source>
      <translation>%1（全部实例）</translation>
    </message>
    <message>
      <source>Traffic: gateway %1</source>
      <translation>流量：网关 %1</translation>
    </message>
    <message>
      <source>Traffic: route %1 of %2</source>
      <translation>流量：%2 的路由 %1</translation>
    </message>
    <message>
      <source>The host is gone: the figures stopped.</source>
      <translation>主机已不存在：数据已停止更新。</translation>
    </message>
    <message>
      <source>No requests in the gateways' access logs of the last 15 minutes.</source>
      <translation>最近 15 分钟的网关访问日志中没有请求。</translation>
    </message>
    <message>
      <source>From the gateways' access logs, per 10-second slot over the last 15 minutes.</source>
      <translation>来自网关访问日志，最近 15 分钟内每 10 秒一个时段。</translation>
    </message>
  </context>
  <context>
    <name>mcp::ui::ValidationPanel</name>
    <message>
      <source>checked against %1</source>
      <translation>已对照 %1 校验</translation>
    </message>
    <message>
      <source>offline checks only: choose a host for the live checks</source>
      <translation>仅离线检查：选择主机以进行实时检查</translation>
    </message>
    <message>
      <source>No problems (%1).</source>
      <translation>没有问题（%1）。</translation>
    </message>
    <message>
      <source>%1, %2 (%3). Double-click one to go to it.</source>
      <translation>%1，%2（%3）。双击某项可跳转到对应位置。</translation>
    </message>
    <message numerus="yes">
      <source>%n error(s)</source>
      <translation>
        <numerusform>%n 个错误</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n warning(s)</source>
      <translation>
        <numerusform>%n 个警告</numerusform>
      </translation>
    </message>
  </context>
</TS>