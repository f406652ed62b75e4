// tests/mcp/client.mjs: an MCP client that is not ours, the official MCP
// TypeScript SDK (version pinned in package-lock.json, installed by
// tests/deps.sh), driving `dockergate` as an MCP server through a command
// such as `ssh ... USER@HOST mcp`.
//
//   node client.mjs SCENARIO [ARG...] -- COMMAND [ARG...]
//
// Scenarios (each prints "ok: ..." per check, "FAIL: ..." on a failure and
// exits 1 if any failed):
//   basic                 tools, schemas, annotations, help, allowed, denied,
//                         docker_read, -t, exit status, stdin, truncation,
//                         protocol errors, ping
//   escapes FILE STDIN    every command of FILE (escapes.txt format) through
//                         the docker tool with STDIN as its stdin: refused
//   parallel N            N calls at once, all answered, in parallel
//   cancel NAME           start `docker run --name NAME`, cancel it once it
//                         runs; the session goes on
//   timeout               a call longer than the policy's timeout ends
//   bench N               N sequential `docker ps` calls in one session:
//                         prints the median and mean per call in ms
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { EmptyResultSchema, McpError } from "@modelcontextprotocol/sdk/types.js";

const argv = process.argv.slice(2);
const sep = argv.indexOf("--");
if (sep < 1 || sep === argv.length - 1) {
	console.error("usage: node client.mjs SCENARIO [ARG...] -- COMMAND [ARG...]");
	process.exit(2);
}
const [scenario, ...args] = argv.slice(0, sep);
const [command, ...cargs] = argv.slice(sep + 1);

let failures = 0;
function check(ok, what, detail) {
	if (ok) {
		console.log("ok: " + what);
	} else {
		failures++;
		console.log("FAIL: " + what + (detail === undefined ? "" :
		    ": " + JSON.stringify(detail).slice(0, 600)));
	}
}

const client = new Client({ name: "dockergate-e2e", version: "1.0.0" });
const transport = new StdioClientTransport({ command, args: cargs,
    stderr: "inherit" });
await client.connect(transport);

const docker = (cmd, stdin, opts) => client.callTool({ name: "docker",
    arguments: stdin === undefined ? { command: cmd } :
    { command: cmd, stdin } }, undefined, opts);

async function rpcError(p) {
	try {
		await p;
		return null;
	} catch (e) {
		return e instanceof McpError ? e.code : String(e);
	}
}

const sc = (r) => r.structuredContent || {};

async function basic() {
	const v = client.getServerVersion();
	check(v && v.name === "dockergate", "serverInfo names dockergate", v);
	const { tools } = await client.listTools();
	const names = tools.map((t) => t.name).sort();
	check(JSON.stringify(names) === '["docker","docker_read","help"]',
	    "tools: docker, docker_read (the role has read-only commands), help", names);
	const d = tools.find((t) => t.name === "docker");
	check(d.inputSchema.properties.command.type === "string" &&
	    d.inputSchema.required.includes("command"), "docker: command is a required string", d.inputSchema);
	check(d.outputSchema && d.outputSchema.properties.verdict, "docker: outputSchema", d.outputSchema);
	const h = tools.find((t) => t.name === "help");
	check(h.annotations && h.annotations.readOnlyHint === true, "help: readOnlyHint", h.annotations);
	const a = d.annotations || {};
	check(a.readOnlyHint === false && a.destructiveHint === true && a.openWorldHint === true,
	    "docker: annotations say it may change things and pull", a);
	const ro = tools.find((t) => t.name === "docker_read") || {};
	const ra = ro.annotations || {};
	check(ra.readOnlyHint === true && ra.idempotentHint === true && ra.openWorldHint === false,
	    "docker_read: readOnlyHint, idempotentHint, not open-world", ra);
	check(JSON.stringify(ro.inputSchema) === JSON.stringify(d.inputSchema) &&
	    JSON.stringify(ro.outputSchema) === JSON.stringify(d.outputSchema),
	    "docker_read: the docker tool's schemas", ro);

	let r = await client.callTool({ name: "help", arguments: {} });
	let help = null;
	try { help = JSON.parse(r.content[0].text); } catch (e) { /* below */ }
	check(help && !r.isError, "help: what help --json says", r);

	r = await docker("docker ps");
	check(!r.isError && sc(r).exit_status === 0 && sc(r).verdict === "allow" &&
	    /CONTAINER ID/.test(sc(r).stdout), "docker ps: allowed, exit 0, its output", r);
	const dread = (cmd) => client.callTool({ name: "docker_read", arguments: { command: cmd } });
	r = await dread("docker container ls");
	check(!r.isError && sc(r).exit_status === 0 && /CONTAINER ID/.test(sc(r).stdout),
	    "docker_read: docker container ls runs", r);
	for (const t of ["docker rm -f dgt40-none", "docker container rm dgt40-none",
	    "docker run --rm dgtest true"]) {
		r = await dread(t);
		check(r.isError && sc(r).exit_status === 77 && sc(r).verdict === "deny" &&
		    sc(r).reason === "docker_read runs read-only commands only: use the docker tool",
		    "docker_read refuses what the role allows through docker: " + t, r);
	}
	r = await docker("docker run --rm dgtest echo hello-mcp");
	check(!r.isError && sc(r).stdout === "hello-mcp\n" && r.content[0].text === "hello-mcp\n",
	    "docker run: stdout as text and structured", r);
	r = await docker("docker run --rm -i dgtest cat", "line one\nline two\n");
	check(sc(r).stdout === "line one\nline two\n", "stdin reaches docker run -i", r);
	r = await docker("docker build -q -t local/mcp-built -", "FROM local/base\nCMD [\"true\"]\n");
	check(!r.isError && sc(r).exit_status === 0 && /^sha256:/.test(sc(r).stdout),
	    "docker build -: the Dockerfile as the call's stdin, checked and built", r);
	r = await docker("docker build -t local/mcp-remote -",
	    "FROM local/base\nADD http://127.0.0.1:1/x /x\n");
	check(r.isError && sc(r).exit_status === 77 && sc(r).verdict === "deny",
	    "docker build -: a remote ADD in the stdin Dockerfile is refused", r);
	r = await docker("docker run --rm dgtest sh -c 'echo out; echo err >&2; exit 3'");
	check(r.isError && sc(r).exit_status === 3 && sc(r).verdict === "allow" &&
	    sc(r).stdout === "out\n" && sc(r).stderr === "err\n",
	    "non-zero exit: isError, docker's status, stdout and stderr apart", r);
	r = await docker("docker run --privileged --rm dgtest true");
	check(r.isError && sc(r).exit_status === 77 && sc(r).verdict === "deny" &&
	    /privileged/.test(sc(r).reason) && /^dockergate: denied: /.test(sc(r).stderr),
	    "--privileged: denied with verdict, reason, one dockergate line", r);
	for (const t of ["docker run -t --rm dgtest true", "docker run -it --rm dgtest true",
	    "docker run --tty=true --rm dgtest true", "sudo docker run -ti --rm dgtest true"]) {
		r = await docker(t);
		check(r.isError && sc(r).exit_status === 77 && /pseudo-terminal/.test(sc(r).reason),
		    "no TTY in MCP mode: " + t, r);
	}
	r = await docker("docker run --tty=false --rm dgtest echo no-tty");
	check(!r.isError && sc(r).stdout === "no-tty\n", "--tty=false stays allowed", r);
	r = await docker("docker ps 'unterminated");
	check(r.isError && sc(r).exit_status === 65 && sc(r).verdict === "deny",
	    "unparseable: 65", r);
	r = await docker("ls /");
	check(r.isError && sc(r).exit_status === 77, "not docker: 77", r);
	r = await docker("help");
	check(r.isError && sc(r).exit_status === 77, "the docker tool runs docker commands only", r);
	r = await docker("docker run --rm dgtest sh -c 'head -c 600000 /dev/zero | tr \"\\\\0\" y; echo done >&2'");
	check(sc(r).truncated === true && sc(r).stdout.length === 262144 &&
	    sc(r).stderr === "done\n" && sc(r).exit_status === 0,
	    "output over MCP_OUTPUT_MAX: truncated, drained, status kept",
	    { ...sc(r), stdout: sc(r).stdout.length });

	check(await rpcError(client.callTool({ name: "docker", arguments: { command: 5 } })) === -32602,
	    "wrong type of command: -32602");
	check(await rpcError(client.callTool({ name: "docker", arguments: {} })) === -32602,
	    "missing command: -32602");
	check(await rpcError(client.callTool({ name: "docker", arguments: { command: "docker ps", env: "A=1" } })) === -32602,
	    "unknown argument: -32602");
	check(await rpcError(client.callTool({ name: "shell", arguments: { command: "id" } })) === -32602,
	    "unknown tool: -32602");
	check(await rpcError(client.request({ method: "resources/list", params: {} }, EmptyResultSchema)) === -32601,
	    "unknown method: -32601");
	check(await rpcError(client.ping()) === null, "ping");
}

function escapeLines(file) {
	return readFileSync(file, "utf8").split("\n")
	    .filter((l) => l && !l.startsWith("#"))
	    .map((l) => l.split(" | ")[1].trim());
}

// At most `width` calls at once (the server queues MCP_MAX_QUEUED more).
async function pool(items, width, fn) {
	const out = new Array(items.length);
	let next = 0;
	async function lane() {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i], i);
		}
	}
	await Promise.all(Array.from({ length: width }, lane));
	return out;
}

async function escapes(file, stdin) {
	const cmds = escapeLines(file);
	const res = await pool(cmds, 8, (c) => docker(c, stdin));
	let refused = 0;
	res.forEach((r, i) => {
		const ok = r.isError && sc(r).verdict === "deny" &&
		    (sc(r).exit_status === 77 || sc(r).exit_status === 65);
		if (ok)
			refused++;
		else
			check(false, "escape refused: " + cmds[i], sc(r));
	});
	check(refused === cmds.length && cmds.length > 400,
	    `escape catalogue through MCP: ${refused} of ${cmds.length} refused`);
}

async function parallel(n) {
	const t0 = Date.now();
	const res = await Promise.all(Array.from({ length: n }, (_, i) =>
	    docker(`docker run --rm dgtest sh -c 'sleep 1; echo call-${i}'`)));
	const secs = (Date.now() - t0) / 1000;
	res.forEach((r, i) => {
		if (sc(r).stdout !== `call-${i}\n` || r.isError)
			check(false, `parallel call ${i} answered with its own output`, sc(r));
	});
	check(res.every((r, i) => sc(r).stdout === `call-${i}\n`),
	    `${n} calls at once, each answered with its own output`);
	// 8 at a time, 1 s each: far less than one after the other
	check(secs < n / 2, `in parallel: ${n} one-second calls took ${secs}s`);
}

async function running(name) {
	const r = await docker(`docker ps -q --filter 'name=^${name}$'`);
	return sc(r).exit_status === 0 ? sc(r).stdout.trim() !== "" : null;
}

async function until(what, want) {
	for (let i = 0; i < 150; i++) {
		if (await what() === want)
			return true;
		await new Promise((ok) => setTimeout(ok, 200));
	}
	return false;
}

// Cancel one of two running calls: only its container ends.
async function cancel(name) {
	const ac = new AbortController(), bc = new AbortController();
	const opts = (c) => ({ signal: c.signal, timeout: 120000 });
	const p = docker(`docker run --name ${name} dgtest sleep 300`, undefined, opts(ac));
	const q = docker(`docker run --name ${name}-other dgtest sleep 300`, undefined, opts(bc));
	check(await until(() => running(name), true) &&
	    await until(() => running(name + "-other"), true), "both calls' containers run");
	ac.abort("test cancels");
	const e = await rpcError(p);
	check(e !== null, "the cancelled call is rejected on the client", e);
	check(await until(() => running(name), false),
	    "its container no longer runs (ended as for a vanished client)");
	check(await running(name + "-other") === true,
	    "the other call's container still runs: a cancel ends only its call");
	bc.abort("test cancels");
	await rpcError(q);
	check(await until(() => running(name + "-other"), false), "the other one ends on its cancel");
	check(await rpcError(client.ping()) === null, "the session goes on after a cancel");
}

// Under a policy with timeout: 2s, a call that runs longer is ended.
async function timeout() {
	const t0 = Date.now();
	const r = await docker("docker run --rm dgtest sleep 60", undefined, { timeout: 120000 });
	const secs = (Date.now() - t0) / 1000;
	check(r.isError && sc(r).verdict === "allow" && sc(r).exit_status !== 0 &&
	    secs < 30, `the policy's timeout ends the call (status ${sc(r).exit_status} after ${secs}s)`, sc(r));
	check(await rpcError(client.ping()) === null, "the session goes on after a timeout");
}

async function bench(n) {
	const ms = [];
	await docker("docker ps");	// warm up
	for (let i = 0; i < n; i++) {
		const t0 = process.hrtime.bigint();
		const r = await docker("docker ps");
		ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
		if (r.isError)
			check(false, "bench: docker ps", sc(r));
	}
	ms.sort((a, b) => a - b);
	const median = ms[Math.floor(n / 2)];
	const mean = ms.reduce((a, b) => a + b, 0) / n;
	console.log(JSON.stringify({ calls: n, median_ms: median, mean_ms: mean,
	    min_ms: ms[0], max_ms: ms[n - 1] }));
}

try {
	if (scenario === "basic")
		await basic();
	else if (scenario === "escapes")
		await escapes(args[0], args[1]);
	else if (scenario === "parallel")
		await parallel(Number(args[0]));
	else if (scenario === "cancel")
		await cancel(args[0]);
	else if (scenario === "timeout")
		await timeout();
	else if (scenario === "bench")
		await bench(Number(args[0]));
	else
		check(false, "unknown scenario " + scenario);
} catch (e) {
	check(false, "scenario " + scenario + " threw", String(e && e.stack || e));
}
await client.close();
process.exit(failures ? 1 : 0);
