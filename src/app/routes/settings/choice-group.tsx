import type { Choice } from '../../lib/reading-prefs/choices';

/** Props of {@link ChoiceGroup}. */
export interface ChoiceGroupProps<T extends string | number> {
  /** Unique id stem; also the radio group's `name`. */
  readonly id: string;
  /** The visible legend, which names the group. */
  readonly legend: string;
  readonly choices: readonly Choice<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
}

/** A named group of radio buttons shown as large, tappable chips. */
export function ChoiceGroup<T extends string | number>(props: ChoiceGroupProps<T>) {
  const { id, legend, choices, value, onChange } = props;
  return (
    <fieldset class="choice-group" role="radiogroup" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>{legend}</legend>
      {choices.map((option) => (
        <label key={option.value} class={`choice choice--${id}-${option.value}`}>
          <input
            type="radio"
            name={id}
            value={String(option.value)}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
