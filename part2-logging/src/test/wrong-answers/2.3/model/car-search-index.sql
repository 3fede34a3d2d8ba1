-- Wrong: no search compares the model. Expected failure: still reads the whole car table
CREATE INDEX car_model_idx ON car (model);
