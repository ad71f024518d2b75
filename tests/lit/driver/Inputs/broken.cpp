// Does not compile.
int broken() {
  return undeclared_thing;
}
