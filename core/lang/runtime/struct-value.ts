import { JNamedTuple, type Value } from '../../model/index.js';
import { STRUCT_VALUE, fieldOf, type StructValue } from './user-types.js';

/** A plain struct of the file (`struct Params; a::Float64; b::Vector{Float64}; end`): its name and fields. */
export interface PlainStruct {
  readonly name: string;
  readonly fields: readonly string[];
}

/**
 * A value of a plain struct: its fields by name, read as a named tuple's are (`p.a`, `(; a, b) = p`), and its type,
 * which `isa`, `typeof` and a method's annotation (`f(p::Params)`) see.
 */
export class StructInstance extends JNamedTuple implements StructValue {
  readonly [STRUCT_VALUE] = true;
  override readonly structName: string;

  constructor(
    readonly type: PlainStruct,
    private readonly values: readonly Value[],
  ) {
    super(new Map(type.fields.map((f, k) => [f, values[k]!])));
    this.structName = type.name;
  }

  field(name: string): Value {
    return fieldOf(this.type, this.values, name);
  }
}
