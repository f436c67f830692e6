/**
 * The language server as an editor experiences it, through the real protocol:
 * a cold analysis in a warm server, the first open in a fresh process, one-character edits + diagnostic pulls, hovers, memory,
 * and what happens to a pull when a newer edit follows it at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fileUri, residentMB, startServer, timed } from './lsp.mjs';
import { median, round1, runTrials } from './trials.mjs';

/**
 * Opens, checks and closes each of `documents`: run before a measured open, this warms the server's
 * code, not its caches (the texts are others, see warmupDocuments).
 */
export async function warmUp(server, documents) {
  for (const document of documents) {
    const uri = fileUri(document.file);
    server.open(uri, document.text);
    await server.pull(uri);
    server.close(uri);
  }
}

/**
 * Trials of one open in a fresh server process each: after `warmups`, didOpen of `file` → the answer
 * of textDocument/diagnostic. Also the server's memory right after, its start-up time and the count
 * of diagnostics.
 */
async function measureOpen({ cli, workspace, file, text, warmups, trials, progress, label }) {
  const uri = fileUri(file);
  const rss = [];
  const startup = [];
  let diagnostics = 0;
  const trial = async () => {
    const server = await startServer({ cli, workspace });
    try {
      await warmUp(server, warmups);
      const { ms, value } = await timed(() => {
        server.open(uri, text);
        return server.pull(uri);
      });
      rss.push(residentMB(server.pid));
      startup.push(server.startupMs);
      diagnostics = value.items.length;
      progress?.(`${label} ${round1(ms)} ms`);
      return ms;
    } finally {
      await server.shutdown();
    }
  };
  const result = await runTrials(trial, trials);
  // The warm-up trial's memory counts as much as the others: it is the same kind of process.
  return {
    median: result.median,
    samples: result.samples,
    rssMB: median(rss),
    startupMs: median(startup),
    diagnostics,
  };
}

/**
 * coldMs, as issue 7 defines it and as textlint is measured: a guideline the server has never seen,
 * opened in a server whose code is warm. `workspace` holds the comment document only (a guideline
 * on disk would be read, and analysed, when the server starts); the warm-up guidelines are other
 * texts, outside it; the clock covers the parse, the comment links and every check, nothing served
 * from a cache.
 */
export async function measureCold({ cli, workspace, file, text, warmups, trials, progress }) {
  const open = await measureOpen({ cli, workspace, file, text, warmups, trials, progress, label: 'cold' });
  return { coldMs: open.median, coldSamples: open.samples, diagnostics: open.diagnostics };
}

/**
 * The first open in a fresh server process (what the first guideline of an editing session costs),
 * right after `initialized`: the workspace (the guideline on disk and its comment document) is read
 * meanwhile, and every function of the server runs for the first time. rssMB is read here: one
 * process, one document.
 */
export async function measureFirstOpen({ cli, workspace, file, text, trials, progress }) {
  const open = await measureOpen({ cli, workspace, file, text, warmups: [], trials, progress, label: 'first open' });
  return {
    firstOpenMs: open.median,
    firstOpenSamples: open.samples,
    rssMB: open.rssMB,
    startupMs: open.startupMs,
    diagnostics: open.diagnostics,
  };
}

/** One body line per edit, spread over the document's units (sections with 【例文】). */
function editTargets(units, count) {
  const targets = [];
  for (let i = 0; i < count; i++) {
    const unit = units[Math.floor(((i + 0.5) * units.length) / count) % units.length];
    targets.push({ unit: unit.number, line: unit.bodyLines[i % unit.bodyLines.length] });
  }
  return targets;
}

/** The client's copy of the text, to place each insertion in the middle of a sentence. */
function createEditor(text) {
  const lines = text.split('\n');
  return {
    insertAt(line, text = 'あ') {
      const character = Math.floor(lines[line].length / 2);
      lines[line] = `${lines[line].slice(0, character)}${text}${lines[line].slice(character)}`;
      return { line, character };
    },
  };
}

export async function measureEditing({ cli, workspace, file, text, units, commentedUnits, plan, progress }) {
  const uri = fileUri(file);
  const server = await startServer({ cli, workspace });
  try {
    server.open(uri, text);
    await server.pull(uri);
    const editor = createEditor(text);
    let version = 1;
    const edit = async (line) => {
      const position = editor.insertAt(line);
      const { ms } = await timed(() => {
        server.insert(uri, ++version, position, 'あ');
        return server.pull(uri);
      });
      return ms;
    };

    // editMs: insertion + pull, each in another section.
    const targets = editTargets(units, plan.editWarmup + plan.edits);
    for (const target of targets.slice(0, plan.editWarmup)) await edit(target.line);
    const editSamples = [];
    for (const target of targets.slice(plan.editWarmup)) editSamples.push(await edit(target.line));
    const editMs = median(editSamples);
    progress?.(`edit ${round1(editMs)} ms (median of ${editSamples.length}, max ${round1(Math.max(...editSamples))})`);

    // The pull alone, once the change has been taken in: how the edit cost splits.
    const idleSamples = [];
    for (const target of editTargets(units, plan.idlePulls)) {
      const position = editor.insertAt(target.line);
      await server.insert(uri, ++version, position, 'あ');
      await sleep(Math.max(200, 2 * editMs));
      idleSamples.push((await timed(() => server.pull(uri))).ms);
    }

    // hoverMs on headings of commented sections.
    const hoverSamples = [];
    let hoversWithContent = 0;
    for (let i = 0; i < plan.hoverWarmup + plan.hovers; i++) {
      const unit = commentedUnits[i % commentedUnits.length];
      const { ms, value } = await timed(() =>
        server.hover(uri, { line: unit.headingLine, character: unit.headingColumn + 1 }),
      );
      if (i >= plan.hoverWarmup) {
        hoverSamples.push(ms);
        if (value) hoversWithContent++;
      }
    }
    const hoverMs = median(hoverSamples);
    progress?.(`hover ${round1(hoverMs)} ms (${hoversWithContent}/${hoverSamples.length} with comments)`);

    const rssAfterEditsMB = residentMB(server.pid);
    const peakMB = residentMB(server.pid, 'VmHWM');

    // Two edits in quick succession, each followed by its pull, as typing produces them. The second
    // inserts a half-width ｶ, which adds one finding: a first pull answered with the old count was
    // computed for the older version (work done twice) — unless its answer came back before the
    // second change had even been written to the server's input, when no newer version was in
    // flight; one with the new count was superseded.
    const supersede = { plain: [], cancelled: [] };
    const pairs = editTargets(units, 2 * plan.supersede * 2);
    for (let i = 0; i < plan.supersede; i++) {
      for (const style of ['plain', 'cancelled']) {
        const [first, second] = pairs.splice(0, 2);
        const baseline = (await server.pull(uri)).items.length;
        const t0 = performance.now();
        let secondWritten = Infinity;
        const settle = (promise) =>
          promise.then(
            (report) => {
              const n = report.items.length;
              const answered = performance.now() - t0;
              const older =
                answered < secondWritten
                  ? 'answered before the second change was written'
                  : 'computed for the older version';
              const outcome =
                n === baseline
                  ? older
                  : n === baseline + 1
                    ? 'answered for the newer version'
                    : `unclear (${n} diagnostics, ${baseline} before)`;
              return { ms: answered, outcome };
            },
            (error) => ({
              ms: performance.now() - t0,
              outcome: `cancelled (${error?.code ?? ''} ${error?.message ?? error})`,
            }),
          );
        server.insert(uri, ++version, editor.insertAt(first.line), 'あ');
        const source = style === 'cancelled' ? server.cancellation() : null;
        const pullA = settle(server.pull(uri, source?.token));
        // Resolves once the change is written to the server's input.
        server
          .insert(uri, ++version, editor.insertAt(second.line, 'ｶ'), 'ｶ')
          .then(() => (secondWritten = performance.now() - t0));
        // VS Code cancels the outstanding pull of an older version when a change arrives.
        source?.cancel();
        const pullB = settle(server.pull(uri));
        const [a, b] = await Promise.all([pullA, pullB]);
        supersede[style].push({ firstMs: round1(a.ms), first: a.outcome, secondMs: round1(b.ms), second: b.outcome });
      }
    }
    return {
      editMs,
      editSamples: editSamples.map(round1),
      editMaxMs: Math.max(...editSamples),
      pullAfterIdleMs: median(idleSamples),
      hoverMs,
      hoversWithContent,
      hoverCount: hoverSamples.length,
      rssAfterEditsMB,
      peakMB,
      supersede,
    };
  } finally {
    await server.shutdown();
  }
}
