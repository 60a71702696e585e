/**
 * A value that needs the outside world (another component's Terraform outputs, a store...) and is
 * not known while compiling. Field access on it gives a longer placeholder, and it prints as
 * `(computed: <what>)`, so a template that reads it renders to a recognisable placeholder string
 * instead of failing.
 */
export class Computed {
  constructor(readonly what: string) {}

  field(name: string): Computed {
    return new Computed(`${this.what}.${name}`);
  }

  toString(): string {
    return `(computed: ${this.what})`;
  }
}
