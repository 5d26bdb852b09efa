/**
 * What a prompter's `ask` returns when the user asks for the previous question again. A
 * registered symbol: the prompter sits in a lazily loaded file of its own, with its own copy of
 * this module, and both copies must agree.
 */
export const BACK: unique symbol = Symbol.for('mlflow-advisor.questionnaire.back');
