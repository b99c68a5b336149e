// Groups the spec-reporter output of one unit-test process into blocks, one per test file, so
// that the pool can print the output of several processes without mixing their lines: a block
// ends with the line of a top-level result (`✔ file`, `✖ file`, `﹣ file`), unindented.

const topLevelResult = /^(?:\u001b\[[0-9;]*m)*[✔✖﹣] /;

export class SpecBlocks {
  private pending = '';
  private lines: string[] = [];

  /** Adds output; returns the blocks it completed, each ending with a newline. */
  push(chunk: string): string[] {
    const parts = (this.pending + chunk).split('\n');
    this.pending = parts.pop() ?? '';
    const blocks: string[] = [];
    for (const line of parts) {
      this.lines.push(line);
      if (topLevelResult.test(line)) blocks.push(this.take());
    }
    return blocks;
  }

  /** What is left when the process ends (its summary), or '' when nothing is. */
  flush(): string {
    if (this.pending !== '') this.lines.push(this.pending);
    this.pending = '';
    return this.lines.length === 0 ? '' : this.take();
  }

  private take(): string {
    const block = this.lines.join('\n') + '\n';
    this.lines = [];
    return block;
  }
}
