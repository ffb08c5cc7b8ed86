/**
 * Makes `instanceof cls` hold for instances of every copy of `cls`: each entry of the package
 * (`scenariokit`, `scenariokit/import`, `scenariokit/verify`, …; ESM and CJS; two installs) is
 * bundled with its own copy of the core, so an error thrown by a builder from one entry is not an
 * instance of the class imported from another by the prototype chain alone. The copies share a
 * `Symbol.for(`scenariokit.${name}`)` brand on their prototype, and `instanceof cls` checks for it.
 * A subclass keeps the ordinary check (`instanceof Subclass` follows the prototype chain), and
 * its instances carry the brand of `cls` through it.
 */
export function shareInstanceof(cls: abstract new (...args: never[]) => object, name: string): void {
  const brand = Symbol.for(`scenariokit.${name}`);
  Object.defineProperty(cls.prototype, brand, { value: true });
  Object.defineProperty(cls, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      if (this !== cls) return Function.prototype[Symbol.hasInstance].call(this, value);
      return typeof value === 'object' && value !== null && (value as { [brand]?: unknown })[brand] === true;
    },
  });
}
